// The `mx.np.random` namespace; `mx.random.seed` seeds it.
export { seed } from '../random-api.js';
export { choice, type NpSampleOptions, normal, randint, shuffle, uniform } from './np-random.js';
