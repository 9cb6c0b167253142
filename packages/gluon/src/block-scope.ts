import { name as mxName } from '@mxts/core';
import { ParameterDict } from './parameter-dict.js';

/** What a scope needs of its block (a type-only view, so this file does not import Block). */
export interface ScopedBlock {
  readonly prefix: string;
  readonly params: ParameterDict;
  readonly _emptyPrefix: boolean;
}

/**
 * MXNet's `gluon.block._BlockScope`: while a block's `nameScope` runs, blocks created
 * get the prefix `<parent prefix><hint><n>_`, with one counter per class-name hint in this
 * scope, and parameter dicts under the parent's prefix. Outside every scope, the global
 * `mx.name.NameManager` numbers them (`dense0_`, `dense1_`, ...).
 * @internal
 */
export class BlockScope {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static readonly mxnetName: string = 'BlockScope';
  private static current: BlockScope | null = null;
  private readonly counter = new Map<string, number>();

  constructor(private readonly block: ScopedBlock) {}

  /** MXNet `_BlockScope.create(prefix, params, hint)`: the prefix and params of a new block. */
  static create(
    prefix: string | undefined,
    params: ParameterDict | undefined,
    hint: string,
  ): [string, ParameterDict] {
    const current = BlockScope.current;
    if (current === null) {
      const p = prefix ?? `${mxName.NameManager.current.get(null, hint)}_`;
      const dict =
        params === undefined ? new ParameterDict(p) : new ParameterDict(params.prefix, params);
      return [p, dict];
    }
    let p = prefix;
    if (p === undefined) {
      const count = current.counter.get(hint) ?? 0;
      p = `${hint}${count}_`;
      current.counter.set(hint, count + 1);
    }
    const parent = current.block.params;
    const dict =
      params === undefined
        ? new ParameterDict(parent.prefix + p, parent._sharedDict)
        : new ParameterDict(params.prefix, params);
    return [current.block.prefix + p, dict];
  }

  /** MXNet `with self._scope:` (which also enters `mx.name.Prefix(block.prefix)`). */
  run<T>(fn: () => T): T {
    if (this.block._emptyPrefix) return fn();
    const old = BlockScope.current;
    BlockScope.current = this;
    const names = new mxName.Prefix(this.block.prefix).enter();
    try {
      return fn();
    } finally {
      names[Symbol.dispose]();
      BlockScope.current = old;
    }
  }
}
