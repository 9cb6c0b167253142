import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { ShapeError } from '../../errors/shape-error.js';
import { normalizeAxis } from '../../ndarray/shape.js';
import { concat as ndConcat } from '../../ops/concat.js';
import { checkOptions } from '../../validate/check-args.js';
import { type Attrs, attrInt } from '../attrs.js';
import { composeOp } from '../compose.js';
import type { MaybeShape, OpDef } from '../op-def.js';
import { Symbol } from '../symbol.js';

const OP = 'Concat';

const read = (attrs: Attrs) => ({
  numArgs: attrInt(OP, attrs, 'num_args'),
  dim: attrInt(OP, attrs, 'dim', 1),
});

/** `Concat`: `num_args` inputs (`arg0`, `arg1`, ...) joined along `dim`. @internal */
export const concatOp: OpDef = {
  op: OP,
  hint: 'concat',
  inputNames: (attrs) => Array.from({ length: read(attrs).numArgs }, (_, i) => `arg${i}`),
  outputNames: () => ['output'],
  inferShape(attrs, inputs, outputs, name) {
    if (inputs.some((s) => s === null)) return { inputs: [...inputs], outputs: [...outputs] };
    const shapes = inputs as readonly (readonly number[])[];
    const first = shapes[0];
    if (first === undefined) return { inputs: [], outputs: [...outputs] };
    const axis = normalizeAxis(OP, read(attrs).dim, first.length);
    for (const s of shapes) {
      if (s.length !== first.length || s.some((d, i) => i !== axis && d !== first[i])) {
        throw new ShapeError(
          OP,
          [first, s],
          `Error in operator ${name}: inputs must agree on every axis but dim=${axis}`,
        );
      }
    }
    const out: MaybeShape = first.map((d, i) =>
      i === axis ? shapes.reduce((a, s) => a + s[i], 0) : d,
    );
    return { inputs: [...shapes], outputs: [out] };
  },
  forward: (attrs, xs) => [ndConcat(xs, { dim: read(attrs).dim })],
};

/**
 * MXNet `mx.sym.Concat(*data, dim=1, name=None)` (alias `concat`): `num_args` is the number
 * of symbols given.
 * @example mx.sym.Concat([a, b], { dim: 1 }).name; // 'concat0'
 */
export function Concat(
  data: readonly Symbol[],
  options: { dim?: number; name?: string; attr?: Record<string, string> } = {},
): Symbol {
  checkOptions('Concat', options);
  if (!Array.isArray(data) || data.length === 0 || data.some((d) => !(d instanceof Symbol))) {
    throw new InvalidArgumentError('Concat', 'pass a non-empty array of Symbols to join');
  }
  const attrs: Record<string, string> = { ...options.attr, num_args: String(data.length) };
  if (options.dim !== undefined) attrs['dim'] = String(options.dim);
  read(attrs);
  const inputs = Object.fromEntries(data.map((d, i) => [`arg${i}`, d]));
  return composeOp(concatOp, attrs, inputs, options.name);
}
