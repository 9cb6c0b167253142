import { ShapeError } from '../../errors/shape-error.js';
import { Pooling as ndPooling, type PoolingOptions } from '../../ops/pooling.js';
import { checkOptions } from '../../validate/check-args.js';
import { type Attrs, attrBool, attrEnum, toAttrs } from '../attrs.js';
import { composeOp } from '../compose.js';
import type { OpDef } from '../op-def.js';
import type { Symbol } from '../symbol.js';
import { attrTuple } from './tuple-attr.js';

const OP = 'Pooling';

function read(attrs: Attrs) {
  const globalPool = attrBool(OP, attrs, 'global_pool', false);
  const kernel = attrTuple(OP, attrs, 'kernel', globalPool ? [] : null);
  const n = kernel.length;
  const out: PoolingOptions = {
    kernel,
    globalPool,
    poolType: attrEnum(OP, attrs, 'pool_type', ['max', 'avg', 'sum'] as const, 'max'),
    stride: attrTuple(OP, attrs, 'stride', new Array<number>(n).fill(1)),
    pad: attrTuple(OP, attrs, 'pad', new Array<number>(n).fill(0)),
    poolingConvention: attrEnum(
      OP,
      attrs,
      'pooling_convention',
      ['valid', 'full'] as const,
      'valid',
    ),
  };
  if (attrs['count_include_pad'] !== undefined) {
    out.countIncludePad = attrBool(OP, attrs, 'count_include_pad', true);
  }
  return out;
}

/** `Pooling` (max/avg/sum, 1-D or 2-D, valid or full convention, global). @internal */
export const poolingOp: OpDef = {
  op: OP,
  hint: 'pooling',
  inputNames: () => ['data'],
  outputNames: () => ['output'],
  inferShape(attrs, inputs, outputs, name) {
    const o = read(attrs);
    const d = inputs[0];
    if (d === null) return { inputs: [...inputs], outputs: [...outputs] };
    if (d.length !== 3 && d.length !== 4) {
      throw new ShapeError(OP, [d], `Error in operator ${name}: data must be 3-D or 4-D`);
    }
    const spatial = d.slice(2).map((x, i) => {
      if (o.globalPool) return 1;
      const k = o.kernel![i];
      const s = o.stride![i];
      const span = x + 2 * o.pad![i] - k;
      return (o.poolingConvention === 'full' ? Math.ceil(span / s) : Math.floor(span / s)) + 1;
    });
    return { inputs: [d], outputs: [[d[0], d[1], ...spatial]] };
  },
  forward: (attrs, [x]) => [ndPooling(x, read(attrs))],
};

/** Options of `mx.sym.Pooling` (those of `mx.nd.Pooling`, plus name and attr). */
export type PoolingSymbolOptions = PoolingOptions & {
  /** Node name; `pooling<n>` when omitted. */
  name?: string;
  /** Extra node attributes (MXNet's `attr=`). */
  attr?: Record<string, string>;
};

/**
 * MXNet `mx.sym.Pooling(data, kernel, pool_type, global_pool, pooling_convention, stride, pad,
 * count_include_pad, layout, name)`.
 * @example mx.sym.Pooling(data, { kernel: [2, 2], stride: [2, 2], poolType: 'max' }); // pooling0
 */
export function Pooling(
  data: Symbol | null | undefined,
  options: PoolingSymbolOptions = {},
): Symbol {
  checkOptions('Pooling', options);
  const attrs = {
    ...options.attr,
    ...toAttrs(options as unknown as Record<string, unknown>, [
      'kernel',
      'poolType',
      'globalPool',
      'poolingConvention',
      'stride',
      'pad',
      'countIncludePad',
      'layout',
    ]),
  };
  read(attrs);
  return composeOp(poolingOp, attrs, { data }, options.name);
}
