/**
 * Bit-exact MXNet 1.9.1 CPU random number generation (x86-64 Linux build: libstdc++ +
 * glibc): the mt19937 engine bank, uniform/normal sampling, Dropout masks and the parsing
 * of float parameters.
 */

export { checkSeedState, SEED_STATE_MUST_BE_INT } from './check-seed-state.js';
export { type DmlcStrtofResult, dmlcStof, dmlcStrtof } from './dmlc-stof.js';
export {
  canonicalDoubleFromU32Pair,
  canonicalFloatFromU32,
  generateCanonicalDouble,
  generateCanonicalFloat,
  ONE_BELOW_ONE_F32,
  ONE_BELOW_ONE_F64,
} from './generate-canonical.js';
export { glibcLog } from './glibc-log.js';
export { glibcLogf } from './glibc-logf.js';
export {
  type LaunchRngSplit,
  launchRngChunks,
  launchRngSplit,
  MIN_NUM_RANDOM_PER_THREAD,
  NUM_RANDOM_STATES,
  type RngChunk,
} from './launch-rng-split.js';
export { MT19937, type MT19937State } from './mt19937.js';
export { type FloatParamValue, parseFloatParam } from './parse-float-param.js';
export { polarNormalDouble, polarNormalFloat } from './polar-normal.js';
export { pythonFloatRepr, pythonStr } from './python-float-repr.js';
export { randIntFromDraws } from './rand-int64.js';
export {
  type BernoulliMaskOptions,
  defaultGenerator,
  getState,
  type RandomDType,
  RandomGenerator,
  type RandomGeneratorState,
  type SampleOptions,
  sampleBernoulliMask,
  sampleNormal,
  sampleRandInt,
  sampleShufflePermutation,
  sampleUniform,
  seed,
  setState,
} from './random-generator.js';
export { shufflePermutation } from './shuffle-permutation.js';
export { uniformIntDistribution } from './uniform-int-distribution.js';
