export { type NormalOptions, normal } from './normal.js';
export { type RandintOptions, randint } from './randint.js';
export type { SampleArrayOptions } from './sample-options.js';
export { shuffle } from './shuffle.js';
export { type UniformOptions, uniform } from './uniform.js';
