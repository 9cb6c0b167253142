import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { checkOptions } from '../validate/check-args.js';
import { variableNode } from './compose.js';
import { attrString } from './py-repr.js';
import { Symbol } from './symbol.js';

/** Something with MXNet's `dumps()`: an `mx.init` initializer. */
interface Dumpable {
  dumps(): string;
}

/** Options of `mx.sym.Variable`. */
export interface VariableOptions {
  /** Extra attributes (MXNet's `attr=`), strings by name. */
  attr?: Readonly<Record<string, string>>;
  /** The shape, used by shape inference (`__shape__`). */
  shape?: readonly number[];
  /** Learning-rate multiplier (`__lr_mult__`). */
  lrMult?: number;
  /** Weight-decay multiplier (`__wd_mult__`). */
  wdMult?: number;
  /** Element type (`__dtype__`, MXNet's type flag). */
  dtype?: 'float32' | 'float64' | 'float16' | 'uint8' | 'int32' | 'int8' | 'int64';
  /** This variable's initializer (`__init__`): an `mx.init` instance or its `dumps()` string. */
  init?: Dumpable | string;
  /** Storage type (`__storage_type__`): `'default'`, `'row_sparse'` or `'csr'`. */
  stype?: 'default' | 'row_sparse' | 'csr';
  /** Further attributes; names must start and end with `__`, as MXNet requires. */
  [dunder: `__${string}__`]: unknown;
}

const DTYPE_FLAG: Record<string, number> = {
  float32: 0,
  float64: 1,
  float16: 2,
  uint8: 3,
  int32: 4,
  int8: 5,
  int64: 6,
};
const STYPE_ID: Record<string, number> = { default: 0, row_sparse: 1, csr: 2 };

/**
 * MXNet `mx.sym.Variable(name, attr=None, shape=None, lr_mult=None, wd_mult=None,
 * dtype=None, init=None, stype=None, **kwargs)` (alias `mx.sym.var`): a graph input. `init`
 * sets the variable's `__init__` attribute (an initializer is stored as its `dumps()`), which
 * `Module.initParams` uses instead of the global initializer, whatever the name.
 *
 * @example
 * const data = mx.sym.Variable('data');
 * const gamma = mx.sym.Variable('gamma', { init: new mx.init.One() });
 * gamma.attr('__init__'); // '["one", {}]'
 * mx.sym.Variable('w', { shape: [2, 3] }).attr('__shape__'); // '(2, 3)'
 */
export function Variable(name: string, options: VariableOptions = {}): Symbol {
  if (typeof name !== 'string') {
    throw new InvalidArgumentError('Variable', 'Expect a string for variable `name`');
  }
  checkOptions('Variable', options);
  const { attr, shape, lrMult, wdMult, dtype, init, stype, ...rest } = options;
  const attrs: Record<string, string> = { ...attr };
  if (shape !== undefined) attrs['__shape__'] = attrString([...shape]);
  if (lrMult !== undefined) attrs['__lr_mult__'] = attrString(lrMult);
  if (wdMult !== undefined) attrs['__wd_mult__'] = attrString(wdMult);
  if (dtype !== undefined) {
    const flag = DTYPE_FLAG[dtype];
    if (flag === undefined) {
      throw new InvalidArgumentError('Variable', `unknown dtype '${dtype}'`);
    }
    attrs['__dtype__'] = String(flag);
  }
  if (init !== undefined && init !== null) {
    if (typeof init === 'string') attrs['__init__'] = init;
    else if (typeof (init as Dumpable).dumps === 'function') attrs['__init__'] = init.dumps();
    else {
      throw new InvalidArgumentError(
        'Variable',
        'init must be an mx.init Initializer (with dumps()) or its JSON string; Mixed and Load cannot be attached to a variable',
      );
    }
  }
  if (stype !== undefined) {
    const id = STYPE_ID[stype];
    if (id === undefined) throw new InvalidArgumentError('Variable', `unknown stype '${stype}'`);
    attrs['__storage_type__'] = String(id);
  }
  for (const [k, v] of Object.entries(rest)) {
    if (k.startsWith('__') && k.endsWith('__')) attrs[k] = String(v);
    else {
      throw new InvalidArgumentError(
        'Variable',
        `Attribute name=${k} is not supported. Additional attributes must start and end with double underscores, e.g, __yourattr__`,
      );
    }
  }
  return new Symbol([{ node: variableNode(name, attrs), index: 0 }]);
}
