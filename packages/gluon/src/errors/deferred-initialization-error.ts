import { MXNetError } from '@mxts/core';

/**
 * MXNet's `gluon.parameter.DeferredInitializationError`: a parameter's data was asked for
 * before the first forward pass gave its unknown dimensions. Blocks catch it to run the
 * deferred initialization; user code sees it when reading a parameter too early.
 *
 * @example
 * try { net.collectParams().get('dense0_weight').data(); }
 * catch (e) { if (e instanceof gluon.DeferredInitializationError) net.forward(x); }
 */
export class DeferredInitializationError extends MXNetError {
  override readonly name = 'DeferredInitializationError';

  constructor(
    /** The parameter's full name, e.g. `dense0_weight`. */
    readonly param: string,
  ) {
    super(
      `Parameter '${param}' has not been initialized yet because initialization was deferred. ` +
        'Actual initialization happens during the first forward pass. Please pass one batch of ' +
        'data through the network before accessing Parameters. You can also avoid deferred ' +
        'initialization by specifying inUnits, numFeatures, etc., for network layers.',
    );
  }
}
