// The `mx.random` namespace: seeding, and the samplers under their MXNet names.

import { InvalidArgumentError } from './errors/invalid-argument-error.js';
import { checkSeedState, seed as seedGenerator } from './random/index.js';

export { normal, randint, shuffle, uniform } from './ops/random/index.js';

/**
 * MXNet `mx.random.seed(seed_state)`: reseeds MXNet's random stream (engine j of 1024 gets
 * 127·seed + j). A process starts as if seeded with 0, like MXNet.
 *
 * @example
 * mx.random.seed(42);
 * mx.nd.random.uniform({ shape: [5] }); // [0.82909364 0.7478349 0.55818135 0.5657354 0.63112146]
 */
export function seed(seedState: number): void {
  try {
    checkSeedState(seedState);
  } catch (e) {
    throw new InvalidArgumentError('random.seed', (e as Error).message);
  }
  seedGenerator(seedState);
}
