/**
 * MXNet's `gluon.data.vision.transforms`.
 * @example dataset.transformFirst(new Compose([new ToTensor(), new Normalize(0.1307, 0.3081)]));
 */
export { Compose } from './compose.js';
export { Normalize } from './normalize.js';
export { ToTensor } from './to-tensor.js';
