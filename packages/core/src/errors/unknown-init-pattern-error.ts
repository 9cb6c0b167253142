import { MXNetError } from './mxnet-error.js';

/**
 * Raised when an initializer meets a parameter whose name matches none of its rules
 * (MXNet's `ValueError` from `Initializer._init_default`). MXNet's message, which names the
 * parameter and the fix (`mx.sym.Variable(init=...)`), is kept verbatim, down to the missing
 * space after `(0.0).`; the initializer and the array's shape follow in brackets.
 *
 * @example
 * try { new mx.init.Uniform().apply(new mx.init.InitDesc('bn_moving_mean'), a); }
 * catch (e) { if (e instanceof mx.UnknownInitPatternError) console.log(e.param); }
 */
export class UnknownInitPatternError extends MXNetError {
  override readonly name = 'UnknownInitPatternError';

  constructor(
    /** The parameter name that matched no rule. */
    readonly param: string,
    /** The initializer that was asked, e.g. `Uniform`. */
    readonly initializer: string,
    /** The shape of the array to initialize. */
    readonly shape: readonly number[] = [],
  ) {
    super(
      `Unknown initialization pattern for ${param}. Default initialization is now limited to "weight", "bias", "gamma" (1.0), and "beta" (0.0).Please use mx.sym.Variable(init=mx.init.*) to set initialization pattern [initializer ${initializer}, shape (${shape.join(', ')}${shape.length === 1 ? ',' : ''})]`,
    );
  }
}
