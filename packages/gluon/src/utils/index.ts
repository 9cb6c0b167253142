/**
 * MXNet's `gluon.utils`: batch splitting and global gradient clipping.
 * @example const norm = gluon.utils.clipGlobalNorm(grads, 1.0);
 */
export { type ClipGlobalNormOptions, clipGlobalNorm } from './clip-global-norm.js';
export { splitAndLoad } from './split-and-load.js';
export { type SplitOptions, splitData } from './split-data.js';
