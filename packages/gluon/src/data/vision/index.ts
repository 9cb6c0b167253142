/**
 * MXNet's `gluon.data.vision`: MNIST-format datasets read from local files, and transforms.
 * @example const train = await gluon.data.vision.MNIST.create('/data/mnist');
 */
export { FashionMNIST, MNIST, type MNISTOptions } from './mnist.js';
/** MXNet's `gluon.data.vision.transforms`: `ToTensor`, `Normalize`, `Compose`. */
export * as transforms from './transforms/index.js';
