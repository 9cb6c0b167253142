import type { Block, BlockOptions } from '../block.js';
import { type F, HybridBlock } from '../hybrid-block.js';
import { mxnetName } from '../mxnet-name.js';
import { childAt, runSequence } from './sequential.js';

/**
 * MXNet `gluon.nn.HybridSequential(prefix=None, params=None)`: runs its hybridizable
 * children in order; `export` writes their graph.
 *
 * @example
 * const net = new gluon.nn.HybridSequential();
 * net.nameScope(() => net.add(new gluon.nn.Dense(32, { activation: 'relu' }), new gluon.nn.Dense(2)));
 * net.initialize(); net.forward(x);
 */
export class HybridSequential extends HybridBlock {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'HybridSequential';
  constructor(options: BlockOptions = {}) {
    super(options);
  }

  /** MXNet `add(*blocks)`. Returns this. @example net.add(new gluon.nn.Dense(10)); */
  add(...blocks: HybridBlock[]): this {
    for (const b of blocks) this.registerChild(b);
    return this;
  }

  /** MXNet `hybrid_forward(F, x, *args)`: each child on the previous one's output. */
  override hybridForward(_F: F, x: any, ...rest: any[]): any {
    // The last argument is the (empty) parameter record.
    return runSequence(this._children.values(), x, rest.slice(0, -1));
  }

  /** MXNet `net[i]`. @example net.at(0) */
  at(i: number): Block {
    return childAt(this._children, mxnetName(this), i);
  }

  /** MXNet `net[start:end]`: a new HybridSequential with the same prefix. */
  slice(start?: number, end?: number): HybridSequential {
    const net = new HybridSequential({ prefix: this.prefix });
    const layers = [...this._children.values()].slice(start, end) as HybridBlock[];
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
}
