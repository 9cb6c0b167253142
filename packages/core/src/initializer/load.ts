import { pause } from '../autograd/scopes.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { ParamLoadError } from '../errors/param-load-error.js';
import { NDArray } from '../ndarray/ndarray.js';
import { load } from '../serialization/load.js';
import type { LoadOptions } from '../serialization/load-from-bytes.js';
import type { InitDesc } from './init-desc.js';
import { checkNotInGraph, type InitializerLike } from './initializer.js';
import { emit } from './log.js';
import { isPlainObject, readOptions } from './options.js';

/**
 * Arrays by name, as `mx.nd.load` returns for a file saved with names (or any dict/Map).
 * @example const p: mx.init.ParamDict = { 'arg:fc_weight': w };
 */
export type ParamDict = Readonly<Record<string, NDArray>> | ReadonlyMap<string, NDArray>;

/** Options of {@link Load}. */
export interface LoadInitOptions {
  /** Initializer for names not in the loaded dict; without one, such names are an error. */
  defaultInit?: InitializerLike | null;
  /** Log `Initialized <name> by loading` / `by default` at INFO level. */
  verbose?: boolean;
}

/** Python's `str(tuple)` of a shape: `(2, 3)`, `(3,)`. */
function pyShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/**
 * MXNet `mx.init.Load(param, default_init=None, verbose=False)`: initializes parameters by
 * copying arrays from a dict (as `mx.nd.load` returns for a `.params` file). `arg:` and
 * `aux:` prefixes are dropped from the keys. Names not found go to `defaultInit`. The dict's
 * arrays are borrowed, not copied; {@link Load.fromFile} owns what it loads (free it with
 * `dispose()`).
 *
 * @example
 * const init = new mx.init.Load({ 'arg:fc_weight': w }, { defaultInit: new mx.init.Zero() });
 * init.apply('fc_weight', target); // copies w
 * const fromFile = await mx.init.Load.fromFile('net.params', { defaultInit: new mx.init.Xavier() });
 */
export class Load implements InitializerLike {
  /** MXNet's `self.param`: the arrays by name, prefixes dropped. */
  readonly param: ReadonlyMap<string, NDArray>;
  /** MXNet's `self.default_init`. */
  readonly defaultInit: InitializerLike | null;
  /** MXNet's `self.verbose`. */
  readonly verbose: boolean;
  private readonly owned: NDArray[];

  constructor(
    param: ParamDict | string | readonly NDArray[],
    defaultInit?: InitializerLike | null | LoadInitOptions,
    verbose?: boolean,
  ) {
    if (typeof param === 'string') {
      throw new InvalidArgumentError(
        'Load',
        `reading '${param}' is asynchronous in MXTS: use await mx.init.Load.fromFile(path, options), or pass the dict of await mx.nd.load(path)`,
      );
    }
    const o: LoadInitOptions = isPlainObject(defaultInit)
      ? (readOptions('Load', defaultInit, ['defaultInit', 'verbose']) as LoadInitOptions)
      : { defaultInit: (defaultInit as InitializerLike | null | undefined) ?? null, verbose };
    const entries: [string, unknown][] =
      param instanceof Map
        ? [...(param as ReadonlyMap<string, NDArray>)]
        : isPlainObject(param)
          ? Object.entries(param)
          : [];
    if (!(param instanceof Map) && !isPlainObject(param)) {
      throw new InvalidArgumentError(
        'Load',
        `param must be a dict of name -> NDArray (got ${Array.isArray(param) ? 'a list: the file was saved without names' : typeof param})`,
      );
    }
    const map = new Map<string, NDArray>();
    for (const [name, arr] of entries) {
      if (!(arr instanceof NDArray)) {
        throw new InvalidArgumentError('Load', `param '${name}' is not an NDArray`);
      }
      map.set(name.startsWith('arg:') || name.startsWith('aux:') ? name.slice(4) : name, arr);
    }
    this.param = map;
    this.defaultInit = o.defaultInit ?? null;
    this.verbose = o.verbose ?? false;
    this.owned = [];
  }

  /**
   * `mx.init.Load(path)`: reads an MXNet NDArray file with `mx.nd.load` (Node, Deno, Bun)
   * and returns a Load that owns the arrays (free them with `dispose()`).
   *
   * @example
   * const init = await mx.init.Load.fromFile('net-0001.params', { defaultInit: new mx.init.Zero() });
   * try { mod.initParams(init); } finally { init.dispose(); }
   */
  static async fromFile(
    path: string | URL,
    options: LoadInitOptions & LoadOptions = {},
  ): Promise<Load> {
    const { defaultInit, verbose, ...loadOptions } = options;
    const loaded = await load(path, loadOptions);
    const arrays = Array.isArray(loaded) ? loaded : Object.values(loaded);
    try {
      const init = new Load(loaded, { defaultInit, verbose });
      init.owned.push(...arrays);
      return init;
    } catch (e) {
      for (const a of arrays) a.dispose();
      throw e;
    }
  }

  /**
   * MXNet `__call__(name, arr)`: copies the loaded array (shapes must match), or calls the
   * default initializer.
   * @example init.apply('fc_weight', w);
   */
  apply(desc: InitDesc | string, arr: NDArray): void {
    checkNotInGraph('Load', arr);
    const name = String(desc);
    const loaded = this.param.get(name);
    if (loaded !== undefined) {
      const same =
        arr.shape.length === loaded.shape.length &&
        arr.shape.every((d, i) => d === loaded.shape[i]);
      if (!same) {
        throw new ParamLoadError(
          name,
          'shape',
          `Parameter ${name} cannot be initialized from loading. Shape mismatch, target ${pyShape(arr.shape)} vs loaded ${pyShape(loaded.shape)}`,
        );
      }
      pause(() => arr.set(loaded));
      if (this.verbose) emit('INFO', `Initialized ${name} by loading`);
      return;
    }
    if (this.defaultInit === null) {
      throw new ParamLoadError(
        name,
        'missing',
        `Cannot Initialize ${name}. Not found in loaded param and no default Initializer is provided.`,
      );
    }
    this.defaultInit.apply(desc, arr);
    if (this.verbose) emit('INFO', `Initialized ${name} by default`);
  }

  /** Frees the arrays {@link Load.fromFile} loaded (borrowed arrays are left alone). */
  dispose(): void {
    for (const a of this.owned.splice(0)) a.dispose();
  }
}
