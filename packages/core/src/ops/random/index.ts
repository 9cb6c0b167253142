export { type NormalOptions, normal } from './normal.js';
export type { SampleArrayOptions } from './sample-options.js';
export { type UniformOptions, uniform } from './uniform.js';
