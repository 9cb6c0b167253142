import { InitializerNotRegisteredError } from '../errors/initializer-not-registered-error.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { Bilinear } from './bilinear.js';
import { Constant } from './constant.js';
import { FusedRNN } from './fused-rnn.js';
import { Initializer } from './initializer.js';
import { emit } from './log.js';
import { LSTMBias } from './lstm-bias.js';
import { MSRAPrelu } from './msra-prelu.js';
import { Normal } from './normal.js';
import { One } from './one.js';
import { camelCase, isPlainObject } from './options.js';
import { Orthogonal } from './orthogonal.js';
import { pyJsonLoads } from './py-json.js';
import { Uniform } from './uniform.js';
import { Xavier } from './xavier.js';
import { Zero } from './zero.js';

/**
 * A class `mx.init.register` accepts: an {@link Initializer} subclass. `create` calls it
 * with the options object (camelCase keys) revived from JSON, or with the arguments given.
 * @example const k: mx.init.InitializerClass = mx.init.Xavier;
 */
export type InitializerClass = new (...args: any[]) => Initializer;

const REGISTRY = new Map<string, InitializerClass>();

function ownMxnetName(klass: Function): string | null {
  return Object.hasOwn(klass, 'mxnetName')
    ? (klass as unknown as { mxnetName: string }).mxnetName
    : null;
}

function pyClassName(klass: Function): string {
  const own = ownMxnetName(klass);
  return own !== null ? `mxnet.initializer.${own}` : `__main__.${klass.name}`;
}

/**
 * MXNet `mx.init.register(klass)`: registers an Initializer subclass under its lowercased
 * class name (or `name`), so `create('<name>')` and JSON from `dumps()` revive it. Returns
 * the class. Re-registering a name (even with the same class) replaces it with a UserWarning,
 * as MXNet does.
 *
 * @example
 * class CustomInit extends mx.init.Initializer {
 *   override _initWeight(_d: unknown, arr: mx.NDArray) { arr.set(0.1); }
 *   override _initBias(_d: unknown, arr: mx.NDArray) { arr.set(1); }
 * }
 * mx.init.register(mx.init.alias('myinit')(CustomInit));
 * mx.init.create('custominit'); mx.init.create('myinit');
 */
export function register<T extends InitializerClass>(klass: T, name?: string): T {
  if (
    typeof klass !== 'function' ||
    !(klass === (Initializer as unknown) || klass.prototype instanceof Initializer)
  ) {
    throw new InvalidArgumentError(
      'register',
      'Can only register subclass of Initializer (extend mx.init.Initializer)',
    );
  }
  // The built-ins' literal mxnetName, not klass.name, which a minifier renames.
  const key = (name ?? ownMxnetName(klass) ?? klass.name).toLowerCase();
  const old = REGISTRY.get(key);
  // MXNet warns whenever the name is taken, even by the same class.
  if (old !== undefined) {
    emit(
      'WARNING',
      `\x1b[91mNew initializer ${pyClassName(klass)} registered with name ${key} isoverriding existing initializer ${pyClassName(old)}\x1b[0m`,
      'UserWarning',
    );
  }
  REGISTRY.set(key, klass);
  return klass;
}

/**
 * MXNet `mx.init.alias(*names)`: a decorator-like function registering a class under extra
 * names (lowercased). Built-in aliases: `zeros` (Zero), `ones` (One).
 *
 * @example mx.init.register(mx.init.alias('myinit')(CustomInit));
 */
export function alias(...names: string[]): <T extends InitializerClass>(klass: T) => T {
  return (klass) => {
    for (const n of names) register(klass, n);
    return klass;
  };
}

/**
 * The registered names, in registration order (MXTS addition, for discovery).
 * @example mx.init.registeredNames(); // ['zeros', 'zero', 'ones', 'one', 'constant', ...]
 */
export function registeredNames(): string[] {
  return [...REGISTRY.keys()];
}

function camelKwargs(kwargs: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(kwargs)) out[camelCase(k)] = v;
  return out;
}

/**
 * MXNet `mx.init.create(initializer, *args, **kwargs)`: an initializer from
 * - an Initializer instance (returned as is; extra arguments are an error),
 * - a registered name, case-insensitive (`'zeros'`, `'Xavier'`), called with `args`,
 * - a JSON string `[name, kwargs]` as `dumps()` writes it, or `{"initializer": name, ...}`,
 * - an object `{ initializer: name, ...kwargs }`.
 * JSON keyword names are MXNet's (snake_case); they reach the constructor in camelCase.
 *
 * @example
 * mx.init.create('zeros');                                  // Zero
 * mx.init.create('xavier', { magnitude: 2 });               // Xavier
 * mx.init.create('["xavier", {"magnitude": 2}]');           // Xavier, magnitude 2
 * mx.init.create(new mx.init.Normal(0.8).dumps());          // Normal(0.8)
 */
export function create(initializer: unknown, ...args: unknown[]): Initializer {
  if (initializer instanceof Initializer) {
    if (args.length > 0) {
      throw new InvalidArgumentError(
        'create',
        'initializer is already an instance. Additional arguments are invalid',
      );
    }
    return initializer;
  }
  if (isPlainObject(initializer)) {
    if (args.length > 0) {
      throw new InvalidArgumentError(
        'create',
        'a dict spec takes no additional arguments (put them in the dict)',
      );
    }
    const { initializer: name, ...rest } = initializer;
    if (name === undefined) {
      throw new InvalidArgumentError(
        'create',
        "KeyError: 'initializer' (a dict spec needs an 'initializer' key naming the class)",
      );
    }
    return create(name, camelKwargs(rest));
  }
  if (typeof initializer !== 'string') {
    throw new InvalidArgumentError(
      'create',
      `initializer must be of string type (got ${initializer === null ? 'null' : typeof initializer}; pass a name, a dumps() string or an Initializer)`,
    );
  }
  if (initializer.startsWith('[') || initializer.startsWith('{')) {
    if (args.length > 0) {
      throw new InvalidArgumentError(
        'create',
        'a JSON spec takes no additional arguments (put them in the JSON)',
      );
    }
    const parsed = pyJsonLoads(initializer);
    if (initializer.startsWith('{')) return create(parsed);
    if (!Array.isArray(parsed) || parsed.length !== 2 || !isPlainObject(parsed[1])) {
      throw new InvalidArgumentError(
        'create',
        `a JSON spec must be [name, kwargs] as dumps() writes it, got ${initializer}`,
      );
    }
    return create(parsed[0], camelKwargs(parsed[1]));
  }
  const key = initializer.toLowerCase();
  const klass = REGISTRY.get(key);
  if (klass === undefined) throw new InitializerNotRegisteredError(key, registeredNames());
  return new klass(...args);
}

/**
 * Registers the built-ins, as MXNet's decorators register them in file order (`@register
 * @alias("zeros") class Zero` registers the alias first). The wiring module calls it once.
 * @internal
 */
export function registerBuiltins(): void {
  register(alias('zeros')(Zero));
  register(alias('ones')(One));
  register(Constant);
  register(Uniform);
  register(Normal);
  register(Orthogonal);
  register(Xavier);
  register(MSRAPrelu);
  register(Bilinear);
  register(LSTMBias);
  register(FusedRNN);
}
