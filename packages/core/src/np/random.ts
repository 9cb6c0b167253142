// The `mx.np.random` namespace; `mx.random.seed` seeds it.
export { seed } from '../random-api.js';
export {
  choice,
  type NpSampleOptions,
  normal,
  rand,
  randint,
  randn,
  shuffle,
  uniform,
} from './np-random.js';
