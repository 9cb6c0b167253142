import { describe, expect, it } from 'vitest';
import * as random from './index.js';

describe('random index', () => {
  it('re-exports the public API', () => {
    for (const name of [
      'MT19937',
      'RandomGenerator',
      'defaultGenerator',
      'seed',
      'sampleUniform',
      'sampleNormal',
      'sampleBernoulliMask',
      'getState',
      'setState',
      'parseFloatParam',
      'checkSeedState',
      'SEED_STATE_MUST_BE_INT',
      'launchRngSplit',
      'launchRngChunks',
      'generateCanonicalFloat',
      'generateCanonicalDouble',
      'polarNormalFloat',
      'polarNormalDouble',
      'glibcLogf',
      'glibcLog',
      'dmlcStof',
      'dmlcStrtof',
      'pythonFloatRepr',
      'pythonStr',
      'sampleRandInt',
      'sampleShufflePermutation',
      'randIntFromDraws',
      'shufflePermutation',
      'uniformIntDistribution',
    ]) {
      expect(random, name).toHaveProperty(name);
    }
  });

  it('works end to end through the index (fresh generator)', () => {
    const g = new random.RandomGenerator();
    expect(Array.from(g.uniform(1))).toEqual([Math.fround(0.5488135)]);
  });
});
