import { InvalidArgumentError, nd } from '@mxts/core';
import { Block, type BlockOptions } from '../block.js';

/**
 * MXNet `gluon.nn.Lambda(function)`: a block around a function, or the name of an `mx.nd`
 * op (camelCase, e.g. `'relu'`).
 *
 * @example
 * const block = new gluon.nn.Lambda((x: mx.NDArray) => x.mul(2));
 * const tanh = new gluon.nn.Lambda('tanh');
 */
export class Lambda extends Block {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'Lambda';
  private readonly fn: (...args: any[]) => any;
  private readonly fnName: string;

  constructor(fn: string | ((...args: any[]) => any), options: BlockOptions = {}) {
    let f: (...args: any[]) => any;
    if (typeof fn === 'string') {
      const op = (nd as unknown as Record<string, unknown>)[fn];
      if (typeof op !== 'function') {
        throw new InvalidArgumentError(
          'nn.Lambda',
          `Function name ${fn} is not found in ndarray (mx.nd has no op '${fn}').`,
        );
      }
      f = op as (...args: any[]) => any;
    } else if (typeof fn === 'function') f = fn;
    else {
      throw new InvalidArgumentError(
        'nn.Lambda',
        `Unrecognized function in lambda: ${String(fn)} of type ${typeof fn}`,
      );
    }
    super(options);
    this.fn = f;
    this.fnName = typeof fn === 'string' ? fn : fn.name || '<lambda>';
  }

  override forward(...args: any[]): any {
    return this.fn(...args);
  }

  override toString(): string {
    return `Lambda(${this.fnName})`;
  }
}
