import { binaryOpInfos } from './binary-op-infos.js';
import { copyOpInfos } from './copy-op-infos.js';
import { indexingOpInfos } from './indexing-op-infos.js';
import { layerOpInfos } from './layer-op-infos.js';
import { layoutOpInfos } from './layout-op-infos.js';
import { linalgOpInfos } from './linalg-op-infos.js';
import { nnOpInfos } from './nn-op-infos.js';
import type { OpInfo } from './op-info.js';
import { reductionOpInfos } from './reduction-op-infos.js';
import { unaryOpInfos } from './unary-op-infos.js';

/**
 * The OpInfo of every public op of `mx.nd` (PyTorch's OpInfo pattern): how to call it, a
 * float64 reference in plain JS, seeded samples inside its valid domain, its dtypes, how
 * it differentiates, and its edge values. suites/ops.suite.ts and suites/gradcheck.suite.ts
 * turn each entry into cases `ops/<op>/<check>`; check/ holds the checks and tolerance.ts
 * the tolerance rule. A new op needs an entry here (the `ops/coverage` case says so).
 */
export const opInfos: readonly OpInfo[] = [
  ...unaryOpInfos,
  ...binaryOpInfos,
  ...reductionOpInfos,
  ...linalgOpInfos,
  ...nnOpInfos,
  ...layerOpInfos,
  ...layoutOpInfos,
  ...indexingOpInfos,
  ...copyOpInfos,
];

/** Functions of `mx.nd` that are not ops: array creation and serialization. */
export const NON_OP_EXPORTS: readonly string[] = [
  'NDArray',
  // Optimizer steps that write their arrays in place and have no gradient (MXNet gives
  // them none); tested against MXNet's formulas in backend-cpu's scopes.test.ts and in
  // @mxts/gluon's optimizer tests.
  'adamUpdate',
  'ftmlUpdate',
  'ftrlUpdate',
  'lambUpdatePhase1',
  'lambUpdatePhase2',
  'multiSgdMomUpdate',
  'multiSgdUpdate',
  'nagMomUpdate',
  'rmspropUpdate',
  'rmspropalexUpdate',
  'sgdMomUpdate',
  'sgdUpdate',
  'signsgdUpdate',
  'signumUpdate',
  'arange',
  'array',
  'empty',
  'full',
  'ones',
  'onesLike',
  'zeros',
  'zerosLike',
  'load',
  'loadFromBytes',
  'save',
  'saveToBytes',
];
