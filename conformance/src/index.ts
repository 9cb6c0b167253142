export * from './assertions.js';
export {
  type BadInputSpec,
  badInputCases,
  defineBadInputs,
  runBadInput,
} from './bad-input/index.js';
export {
  type CaseSpec,
  type ConformanceCase,
  defineSuite,
  type Requirements,
} from './conformance-case.js';
export {
  type OracleArray,
  type OracleBlockEntry,
  type OracleCheck,
  type OracleEntry,
  type TorchOracle,
  torchOracle,
} from './fixtures/torch-oracle.js';
export * from './properties/index.js';
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
export {
  type GluonBlockLike,
  type GluonLike,
  type GluonParameterLike,
  torchOracleGluonCases,
} from './suites/torch-oracle-gluon.suite.js';
