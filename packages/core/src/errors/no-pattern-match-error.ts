import { MXNetError } from './mxnet-error.js';

/**
 * Raised by `mx.init.Mixed` when a parameter name matches none of its patterns (MXNet's
 * `ValueError`). MXNet never formats its message, so the literal `%s` and the missing space
 * in "Consideradd" are kept; the name and the patterns follow in parentheses.
 *
 * @example
 * new mx.init.Mixed(['weight'], [new mx.init.One()]).apply('fc_bias', a); // throws
 */
export class NoPatternMatchError extends MXNetError {
  override readonly name = 'NoPatternMatchError';

  constructor(
    /** The parameter name. */
    readonly param: string,
    /** The patterns that were tried, in order. */
    readonly patterns: readonly string[],
  ) {
    super(
      `Parameter name %s did not match any pattern. Consideradd a ".*" pattern at the and with default Initializer. (parameter ${param}; patterns ${JSON.stringify(patterns)}; patterns match at the start of the name, as Python's re.match)`,
    );
  }
}
