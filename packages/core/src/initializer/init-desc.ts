import type { Initializer } from './initializer.js';

/**
 * MXNet's `mx.init.InitDesc(name, attrs=None, global_init=None)`: a parameter name with the
 * attributes of its variable and the initializer to fall back to. MXNet's InitDesc is a
 * `str`; this one converts to its name wherever a string is expected (`${desc}`,
 * `String(desc)`, `desc == 'fc_weight'`), and has `endsWith`/`startsWith`.
 *
 * Passing an InitDesc (rather than a plain string) to `Initializer.apply` selects MXNet's
 * current dispatch, where an `__init__` attribute wins over the name rules.
 *
 * @example
 * const d = new mx.init.InitDesc('fc_bias', { __init__: '["one", {}]' });
 * new mx.init.Uniform().apply(d, b); // b is all ones: __init__ wins over the bias rule
 * String(d); // 'fc_bias'
 */
export class InitDesc {
  /** The parameter name (MXNet: the string value of the InitDesc). */
  readonly name: string;
  /** The variable's attributes (`Symbol.attr_dict()[name]`); `{}` when none were given. */
  attrs: Record<string, unknown>;
  /** The initializer to fall back to; set to the calling initializer when null. */
  globalInit: Initializer | null;

  constructor(
    name: string,
    attrs?: Record<string, unknown> | null,
    globalInit?: Initializer | null,
  ) {
    this.name = String(name);
    // Python: `attrs or {}`.
    this.attrs = attrs && Object.keys(attrs).length > 0 ? attrs : {};
    this.globalInit = globalInit ?? null;
  }

  /** The name, as Python's `str(desc)`. */
  toString(): string {
    return this.name;
  }

  /** The name, so `desc == 'fc_weight'` and template literals see the string. */
  [Symbol.toPrimitive](): string {
    return this.name;
  }

  /** Python's `str.endswith` on the name. */
  endsWith(suffix: string): boolean {
    return this.name.endsWith(suffix);
  }

  /** Python's `str.startswith` on the name. */
  startsWith(prefix: string): boolean {
    return this.name.startsWith(prefix);
  }

  /** Length of the name. */
  get length(): number {
    return this.name.length;
  }
}
