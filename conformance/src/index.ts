export * from './assertions.js';
export {
  type CaseSpec,
  type ConformanceCase,
  defineSuite,
  type Requirements,
} from './conformance-case.js';
export {
  type CaseResult,
  type CaseStatus,
  type ConformanceReport,
  formatTable,
  type KnownFailure,
} from './report.js';
export { type RunOptions, runCase, runCaseExpecting, runConformance } from './run-conformance.js';
export {
  expectFlatMemory,
  formatSoak,
  type SoakCheckOptions,
  type SoakMode,
  type SoakOptions,
  type SoakResult,
  type SoakSample,
  soakAndCheck,
  spiralsSoak,
} from './soak/index.js';
export { allCases } from './suites/index.js';
