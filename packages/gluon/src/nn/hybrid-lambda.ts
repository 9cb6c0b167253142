import { InvalidArgumentError, nd } from '@mxts/core';
import type { BlockOptions } from '../block.js';
import { type F, HybridBlock } from '../hybrid-block.js';

/**
 * MXNet `gluon.nn.HybridLambda(function)`: a hybridizable block around `fn(F, x, ...args)`,
 * or the name of an op of `F` (camelCase).
 *
 * @example
 * const block = new gluon.nn.HybridLambda((F, x) => F.relu(x));
 * const tanh = new gluon.nn.HybridLambda('tanh');
 */
export class HybridLambda extends HybridBlock {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'HybridLambda';
  private readonly fn: (F: F, ...args: any[]) => any;
  private readonly fnName: string;

  constructor(fn: string | ((F: F, ...args: any[]) => any), options: BlockOptions = {}) {
    let f: (F: F, ...args: any[]) => any;
    if (typeof fn === 'string') {
      if (typeof (nd as unknown as Record<string, unknown>)[fn] !== 'function') {
        throw new InvalidArgumentError(
          'nn.HybridLambda',
          `Function name ${fn} is not found in symbol/ndarray (mx.nd has no op '${fn}').`,
        );
      }
      f = (F: F, ...args: any[]) =>
        (F as unknown as Record<string, (...a: any[]) => any>)[fn](...args);
    } else if (typeof fn === 'function') f = fn;
    else {
      throw new InvalidArgumentError(
        'nn.HybridLambda',
        `Unrecognized function in lambda: ${String(fn)} of type ${typeof fn}`,
      );
    }
    super(options);
    this.fn = f;
    this.fnName = typeof fn === 'string' ? fn : fn.name || '<lambda>';
  }

  override hybridForward(F: F, x: any, ...rest: any[]): any {
    return this.fn(F, x, ...rest.slice(0, -1));
  }

  override toString(): string {
    return `HybridLambda(${this.fnName})`;
  }
}
