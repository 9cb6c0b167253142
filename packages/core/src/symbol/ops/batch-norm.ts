import { pause } from '../../autograd/scopes.js';
import { ShapeError } from '../../errors/shape-error.js';
import type { NDArray } from '../../ndarray/ndarray.js';
import { normalizeAxis } from '../../ndarray/shape.js';
import { add, broadcastAdd } from '../../ops/add.js';
import { broadcastDiv } from '../../ops/divide.js';
import { mean } from '../../ops/mean.js';
import { broadcastMul, multiply } from '../../ops/multiply.js';
import { reshape } from '../../ops/reshape.js';
import { sqrt } from '../../ops/sqrt.js';
import { square } from '../../ops/square.js';
import { broadcastSub } from '../../ops/subtract.js';
import { checkOptions } from '../../validate/check-args.js';
import { type Attrs, attrBool, attrFloat, attrInt, toAttrs } from '../attrs.js';
import { composeOp } from '../compose.js';
import type { OpDef } from '../op-def.js';
import type { Symbol } from '../symbol.js';

const OP = 'BatchNorm';

const read = (attrs: Attrs) => ({
  eps: attrFloat(OP, attrs, 'eps', 1e-3),
  momentum: attrFloat(OP, attrs, 'momentum', 0.9),
  fixGamma: attrBool(OP, attrs, 'fix_gamma', true),
  useGlobalStats: attrBool(OP, attrs, 'use_global_stats', false),
  outputMeanVar: attrBool(OP, attrs, 'output_mean_var', false),
  axis: attrInt(OP, attrs, 'axis', 1),
});

/**
 * `BatchNorm`: normalizes over every axis but `axis` (the channels). Inputs 3 and 4
 * (`moving_mean`, `moving_var`) are auxiliary states. @internal
 */
export const batchNormOp: OpDef = {
  op: OP,
  hint: 'batchnorm',
  inputNames: () => ['data', 'gamma', 'beta', 'moving_mean', 'moving_var'],
  auxInputs: () => [3, 4],
  outputNames: () => ['output', 'mean', 'var'],
  numVisibleOutputs: (attrs) => (read(attrs).outputMeanVar ? 3 : 1),
  setInputVarAttrs(_attrs, index, varAttrs) {
    if (varAttrs['__init__'] !== undefined) return;
    if (index === 3) varAttrs['__init__'] = '["zero", {}]';
    else if (index === 4) varAttrs['__init__'] = '["one", {}]';
  },
  inferShape(attrs, inputs, outputs, name) {
    const d = inputs[0] ?? outputs[0];
    if (d === null) return { inputs: [...inputs], outputs: [...outputs] };
    if (d.length === 0) {
      throw new ShapeError(OP, [d], `Error in operator ${name}: data must have at least 1 axis`);
    }
    const axis = normalizeAxis(OP, read(attrs).axis, d.length);
    const c = [d[axis]];
    return { inputs: [d, c, c, c, c], outputs: [d, c, c] };
  },
  forward(attrs, [x, gamma, beta, movingMean, movingVar], ctx) {
    const { eps, momentum, fixGamma, useGlobalStats, axis: a } = read(attrs);
    const axis = normalizeAxis(OP, a, x.ndim);
    const c = x.shape[axis];
    const bshape = x.shape.map((_d, i) => (i === axis ? c : 1));
    const temps: NDArray[] = [];
    const t = (v: NDArray): NDArray => {
      temps.push(v);
      return v;
    };
    try {
      let batchMean: NDArray;
      let batchVar: NDArray;
      if (ctx.isTrain && !useGlobalStats) {
        const others = x.shape.map((_, i) => i).filter((i) => i !== axis);
        const m = t(mean(x, { axis: others, keepdims: true }));
        const centered = t(broadcastSub(x, m));
        const v = t(mean(t(square(centered)), { axis: others, keepdims: true }));
        batchMean = reshape(m, { shape: [c] });
        batchVar = reshape(v, { shape: [c] });
        // moving = moving * momentum + batch * (1 - momentum), outside the recorded graph
        // (a Module's training forward records): MXNet writes auxiliary states in place.
        const bm = batchMean;
        const bv = batchVar;
        pause(() => {
          movingMean.set(t(add(t(multiply(movingMean, momentum)), t(multiply(bm, 1 - momentum)))));
          movingVar.set(t(add(t(multiply(movingVar, momentum)), t(multiply(bv, 1 - momentum)))));
        });
      } else {
        batchMean = reshape(movingMean, { shape: [c] });
        batchVar = reshape(movingVar, { shape: [c] });
      }
      const mb = t(reshape(batchMean, { shape: bshape }));
      const vb = t(reshape(batchVar, { shape: bshape }));
      const std = t(sqrt(t(add(vb, eps))));
      let y = t(broadcastDiv(t(broadcastSub(x, mb)), std));
      if (!fixGamma) y = t(broadcastMul(y, t(reshape(gamma, { shape: bshape }))));
      const out = broadcastAdd(y, t(reshape(beta, { shape: bshape })));
      return [out, batchMean, batchVar];
    } finally {
      for (const v of temps) v.dispose();
    }
  },
};

/** Options of `mx.sym.BatchNorm`. */
export interface BatchNormSymbolOptions {
  /** Added to the variance; default 0.001. */
  eps?: number;
  /** Moving-average momentum; default 0.9. */
  momentum?: number;
  /** Treat gamma as 1; default true (MXNet's default). */
  fixGamma?: boolean;
  /** Use the moving statistics in training too; default false. */
  useGlobalStats?: boolean;
  /** Also output the batch mean and variance; default false. */
  outputMeanVar?: boolean;
  /** The channel axis; default 1. */
  axis?: number;
  /** The scale input; a variable `<name>_gamma` (1 by name) when omitted. */
  gamma?: Symbol;
  /** The shift input; a variable `<name>_beta` (0 by name) when omitted. */
  beta?: Symbol;
  /** Auxiliary state; a variable `<name>_moving_mean` (initialized to 0) when omitted. */
  movingMean?: Symbol;
  /** Auxiliary state; a variable `<name>_moving_var` (initialized to 1) when omitted. */
  movingVar?: Symbol;
  /** Node name; `batchnorm<n>` when omitted. */
  name?: string;
  /** Extra node attributes (MXNet's `attr=`). */
  attr?: Record<string, string>;
}

/**
 * MXNet `mx.sym.BatchNorm(data, gamma, beta, moving_mean, moving_var, eps=0.001,
 * momentum=0.9, fix_gamma=True, ...)`. `moving_mean`/`moving_var` are auxiliary states,
 * marked `__init__` `["zero", {}]` / `["one", {}]`.
 *
 * @example
 * const bn = mx.sym.BatchNorm(data, { name: 'bn' });
 * bn.listArguments();        // ['data', 'bn_gamma', 'bn_beta']
 * bn.listAuxiliaryStates();  // ['bn_moving_mean', 'bn_moving_var']
 */
export function BatchNorm(
  data: Symbol | null | undefined,
  options: BatchNormSymbolOptions = {},
): Symbol {
  checkOptions('BatchNorm', options);
  const attrs = {
    ...options.attr,
    ...toAttrs(options as unknown as Record<string, unknown>, [
      'eps',
      'momentum',
      'fixGamma',
      'useGlobalStats',
      'outputMeanVar',
      'axis',
    ]),
  };
  read(attrs);
  return composeOp(
    batchNormOp,
    attrs,
    {
      data,
      gamma: options.gamma,
      beta: options.beta,
      moving_mean: options.movingMean,
      moving_var: options.movingVar,
    },
    options.name,
  );
}
