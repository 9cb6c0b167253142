import { InvalidArgumentError } from '@mxts/core';
import { Block, type BlockOptions, type HybridizeOptions } from '../block.js';
import { HybridBlock } from '../hybrid-block.js';
import { mxnetName } from '../mxnet-name.js';
import { warn } from '../warn.js';

/** Runs children in order, passing extra outputs on as extra inputs (MXNet's container rule). */
export function runSequence(children: Iterable<Block>, x: unknown, args: unknown[]): unknown {
  let out = x;
  let rest = args;
  for (const block of children) {
    out = block.forward(out, ...rest);
    rest = [];
    if (Array.isArray(out)) {
      rest = out.slice(1);
      out = out[0];
    }
  }
  return rest.length > 0 ? [out, ...rest] : out;
}

/** Python's `list[key]` on the children, negative indices included. */
export function childAt(children: Map<string, Block>, owner: string, i: number): Block {
  const list = [...children.values()];
  const k = i < 0 ? list.length + i : i;
  if (!Number.isInteger(i) || k < 0 || k >= list.length) {
    throw new InvalidArgumentError(
      `${owner}.at`,
      `index ${i} out of range for ${list.length} children`,
    );
  }
  return list[k];
}

/**
 * MXNet `gluon.nn.Sequential(prefix=None, params=None)`: runs its children in order.
 * Children are named by position (`0.weight` in saved files).
 *
 * @example
 * const net = new gluon.nn.Sequential();
 * net.nameScope(() => net.add(new gluon.nn.Dense(20, { activation: 'relu' }), new gluon.nn.Dense(2)));
 */
export class Sequential extends Block {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'Sequential';
  constructor(options: BlockOptions = {}) {
    super(options);
  }

  /** MXNet `add(*blocks)`. Returns this. @example net.add(new gluon.nn.Dense(10)); */
  add(...blocks: Block[]): this {
    for (const b of blocks) this.registerChild(b);
    return this;
  }

  /** MXNet `forward(x, *args)`: each child on the previous one's output. */
  override forward(x: any, ...args: any[]): any {
    return runSequence(this._children.values(), x, args);
  }

  /** MXNet `net[i]`: the i-th child (negative from the end). @example net.at(-1) */
  at(i: number): Block {
    return childAt(this._children, mxnetName(this), i);
  }

  /**
   * MXNet `net[start:end]`: a new Sequential with the same prefix holding those children.
   * @example const head = net.slice(0, 2);
   */
  slice(start?: number, end?: number): Sequential {
    const net = new Sequential({ prefix: this.prefix });
    const layers = [...this._children.values()].slice(start, end);
    net.nameScope(() => net.add(...layers));
    return net;
  }

  override _isContainer(): boolean {
    return true;
  }

  /** MXNet `len(net)`. */
  get length(): number {
    return this._children.size;
  }

  /** MXNet `hybridize`: warns when every child is hybridizable (use HybridSequential). */
  override hybridize(active = true, options: HybridizeOptions = {}): void {
    const kids = [...this._children.values()];
    if (kids.length > 0 && kids.every((c) => c instanceof HybridBlock)) {
      warn(
        `All children of this Sequential layer '${this.prefix}' are HybridBlocks. Consider using HybridSequential for the best performance.`,
      );
    }
    super.hybridize(active, options);
  }
}
