export { expectFlatMemory } from './expect-flat-memory.js';
export { formatSoak } from './format-soak.js';
export { type SoakCheckOptions, soakAndCheck } from './soak-and-check.js';
export {
  type SoakMode,
  type SoakOptions,
  type SoakResult,
  type SoakSample,
  spiralsSoak,
} from './spirals-soak.js';
