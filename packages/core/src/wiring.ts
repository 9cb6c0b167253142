// The one module with a side effect: it hands the lower layers what they call in the higher
// ones (see installed.ts). The package index imports it, and package.json's `sideEffects`
// names it, so a bundler keeps it whatever the program imports from '@mxts/core'.
import { runBackward } from './autograd/backward.js';
import { checkGradReq, markVariable } from './autograd/tape.js';
import { gradients } from './gradients/index.js';
import { create, registerBuiltins } from './initializer/registry.js';
import { install } from './installed.js';
import { installedOps } from './installed-ops.js';
import { array, fromHost, full, onesLike, zerosLike } from './ndarray/creation.js';
import { shareAsNp } from './np/np-array.js';
import { broadcastToShape } from './ops/broadcast-to.js';
import { evaluateSymbol } from './symbol/evaluate.js';
import { inferShapes } from './symbol/infer-shape.js';
import { getOpDef } from './symbol/op-registry.js';
import { symAdd, symDiv, symMul, symNeg, symSub } from './symbol/ops/arithmetic.js';

install({
  ops: installedOps,
  rules: gradients,
  creation: { array, fromHost, full, onesLike, zerosLike },
  broadcastToShape,
  runBackward,
  markVariable,
  checkGradReq,
  createInitializer: (spec) => create(spec),
  shareAsNp,
  symbol: { symAdd, symSub, symMul, symDiv, symNeg, evaluateSymbol, inferShapes, getOpDef },
});
registerBuiltins();
