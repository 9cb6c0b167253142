// The `mx.np.linalg` namespace.
export { type NpNormOptions, norm } from './np-linalg.js';
