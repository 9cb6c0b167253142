/**
 * MXNet's `gluon.data`: datasets, samplers and the DataLoader.
 *
 * @example
 * const loader = new gluon.data.DataLoader(new gluon.data.ArrayDataset(X, y), { batchSize: 64, shuffle: true });
 */
export { ArrayDataset, type ArraySource } from './array-dataset.js';
export { defaultBatchify } from './batchify.js';
export { DataLoader, type DataLoaderOptions } from './data-loader.js';
export { Dataset, type Forwardable, SimpleDataset } from './dataset.js';
export { NumpyRandomState, numpyRandom } from './numpy-random.js';
export {
  BatchSampler,
  type LastBatch,
  RandomSampler,
  Sampler,
  SequentialSampler,
} from './sampler.js';
/** MXNet's `gluon.data.vision`: `MNIST`, `FashionMNIST` and `transforms`. */
export * as vision from './vision/index.js';
