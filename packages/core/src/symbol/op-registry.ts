import type { OpDef } from './op-def.js';
import { activationOp } from './ops/activation.js';
import {
  divOp,
  divScalarOp,
  minusOp,
  minusScalarOp,
  mulOp,
  mulScalarOp,
  plusOp,
  plusScalarOp,
  rdivScalarOp,
  rminusScalarOp,
} from './ops/arithmetic.js';
import { batchNormOp } from './ops/batch-norm.js';
import { concatOp } from './ops/concat.js';
import { convolutionOp } from './ops/convolution.js';
import { dropoutOp } from './ops/dropout.js';
import { embeddingOp } from './ops/embedding.js';
import { flattenOp } from './ops/flatten.js';
import { fullyConnectedOp } from './ops/fully-connected.js';
import { layerNormOp } from './ops/layer-norm.js';
import { leakyReLUOp } from './ops/leaky-relu.js';
import { poolingOp } from './ops/pooling.js';
import { softmaxOutputOp } from './ops/softmax-output.js';

let table: Map<string, OpDef> | null = null;

/** The operator definition of a symbol node's op, or undefined for ops MXTS cannot run. @internal */
export function getOpDef(op: string): OpDef | undefined {
  table ??= new Map(
    [
      activationOp,
      batchNormOp,
      concatOp,
      convolutionOp,
      dropoutOp,
      embeddingOp,
      flattenOp,
      layerNormOp,
      poolingOp,
      divOp,
      divScalarOp,
      fullyConnectedOp,
      leakyReLUOp,
      minusOp,
      minusScalarOp,
      mulOp,
      mulScalarOp,
      plusOp,
      plusScalarOp,
      rdivScalarOp,
      rminusScalarOp,
      softmaxOutputOp,
    ].map((d) => [d.op, d]),
  );
  return table.get(op);
}
