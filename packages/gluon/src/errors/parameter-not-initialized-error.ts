import { MXNetError } from '@mxts/core';

/**
 * MXNet's RuntimeError "Parameter '...' has not been initialized": a parameter was read (or a
 * block run) before `initialize()`.
 *
 * @example
 * const net = new gluon.nn.Dense(2, { inUnits: 3 });
 * net.forward(x); // ParameterNotInitializedError: call net.initialize() first
 */
export class ParameterNotInitializedError extends MXNetError {
  override readonly name = 'ParameterNotInitializedError';

  constructor(
    /** The parameter's full name, e.g. `dense0_weight`. */
    readonly param: string,
    detail = 'Note that you should initialize parameters and create Trainer with ' +
      'Block.collectParams() instead of Block.params because the later does not include ' +
      'Parameters of nested child Blocks',
  ) {
    super(`Parameter '${param}' has not been initialized. ${detail}`);
  }
}
