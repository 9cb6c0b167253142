import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { type Attrs, parseShapeAttr } from '../attrs.js';

/** Reads a tuple parameter (`kernel`, `stride`, `pad`): `"(2, 2)"`, or `def` when absent. @internal */
export function attrTuple(op: string, attrs: Attrs, key: string, def: number[] | null): number[] {
  const v = attrs[key];
  if (v === undefined) {
    if (def !== null) return def;
    throw new InvalidArgumentError(
      op,
      `Required parameter ${key} of Shape(tuple) is not presented (pass it as an array)`,
    );
  }
  const t = parseShapeAttr(v);
  if (t === null) {
    throw new InvalidArgumentError(
      op,
      `Invalid Parameter format for ${key} expect Shape(tuple) but value='${v}'`,
    );
  }
  return t;
}
