import { InvalidArgumentError, type NDArray, type nd } from '@mxts/core';
import type { BlockOptions } from '../block.js';
import { type F, HybridBlock } from '../hybrid-block.js';

type ActType = nd.ActType;

const ACT_TYPES: readonly string[] = ['relu', 'sigmoid', 'tanh', 'softrelu', 'softsign'];

/** @internal Checks an activation name at construction (MXNet checks it at the first forward). */
export function checkActType(op: string, activation: unknown): ActType {
  if (typeof activation !== 'string' || !ACT_TYPES.includes(activation)) {
    throw new InvalidArgumentError(
      op,
      `unknown activation '${String(activation)}'; use one of ${ACT_TYPES.join(', ')}`,
    );
  }
  return activation as ActType;
}

/**
 * MXNet `gluon.nn.Activation(activation)`: relu, sigmoid, tanh, softrelu or softsign. Its
 * automatic prefix is the activation's name (`relu0_`), as MXNet's `_alias`.
 *
 * @example
 * new gluon.nn.Activation('relu').forward(mx.nd.array([-1, 2])); // [0, 2]
 */
export class Activation extends HybridBlock {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'Activation';
  /** The activation type. */
  readonly actType: ActType;

  constructor(activation: ActType, options: BlockOptions = {}) {
    const act = checkActType('nn.Activation', activation);
    super(options, act);
    this.actType = act;
  }

  override hybridForward(F: F, x: NDArray): NDArray {
    return F.Activation(x, { actType: this.actType });
  }

  override toString(): string {
    return `Activation(${this.actType})`;
  }
}
