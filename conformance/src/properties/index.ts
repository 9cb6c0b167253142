import { auditChecks } from './audit-checks.js';
import { binaryBroadcastProperty } from './binary-broadcast.property.js';
import { generatorStreamsProperty } from './generator-streams.property.js';
import { gradientCompositionProperty } from './gradient-composition.property.js';
import type { PropertyCheck } from './property-support.js';
import { scopeNestingProperty } from './scope-nesting.property.js';

export { auditChecks } from './audit-checks.js';
export { BINARY_OPS, binaryBroadcastProperty } from './binary-broadcast.property.js';
export {
  checkDocumentedDifferences,
  DIFFERENCES_HEADING,
  type DifferenceEnv,
  type DocumentedDifference,
  documentedDifferences,
  readmeDifferenceBullets,
} from './differences.js';
export { type Draw, generatorStreamsProperty } from './generator-streams.property.js';
export {
  type Expr,
  evaluate,
  gradientCompositionProperty,
  UNARY_OPS,
} from './gradient-composition.property.js';
export {
  fcParameters,
  leakFree,
  type PropertyBudget,
  type PropertyCheck,
  propertyBudgetFromEnv,
} from './property-support.js';
export { type ScopeStep, scopeNestingProperty } from './scope-nesting.property.js';

/**
 * Issue 16's fast-check properties, then the audit's checks (issue 15): what every backend
 * runs, each with a bounded number of runs (scaled by the budget) and a replayable seed.
 *
 * @example
 * for (const p of allProperties()) test(p.id, () => p.run(propertyBudgetFromEnv()));
 */
export function allProperties(): readonly PropertyCheck[] {
  return [
    binaryBroadcastProperty,
    gradientCompositionProperty,
    scopeNestingProperty,
    generatorStreamsProperty,
    ...auditChecks,
  ];
}
