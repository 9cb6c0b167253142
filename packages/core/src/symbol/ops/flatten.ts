import { ShapeError } from '../../errors/shape-error.js';
import { flatten as ndFlatten } from '../../ops/flatten.js';
import { checkOptions } from '../../validate/check-args.js';
import { composeOp } from '../compose.js';
import type { OpDef } from '../op-def.js';
import type { Symbol } from '../symbol.js';

const OP = 'Flatten';

/** `Flatten`: (N, ...) -> (N, product of the rest). @internal */
export const flattenOp: OpDef = {
  op: OP,
  hint: 'flatten',
  inputNames: () => ['data'],
  outputNames: () => ['output'],
  inferShape(_attrs, inputs, outputs, name) {
    const d = inputs[0];
    if (d === null) return { inputs: [...inputs], outputs: [...outputs] };
    if (d.length === 0) {
      throw new ShapeError(OP, [d], `Error in operator ${name}: data must have at least 1 axis`);
    }
    return { inputs: [d], outputs: [[d[0], d.slice(1).reduce((a, b) => a * b, 1)]] };
  },
  forward: (_attrs, [x]) => [ndFlatten(x)],
};

/**
 * MXNet `mx.sym.Flatten(data, name=None)` (alias `flatten`).
 * @example mx.sym.Flatten(data).name; // 'flatten0'
 */
export function Flatten(
  data: Symbol | null | undefined,
  options: { name?: string; attr?: Record<string, string> } = {},
): Symbol {
  checkOptions('Flatten', options);
  return composeOp(flattenOp, { ...options.attr }, { data }, options.name);
}
