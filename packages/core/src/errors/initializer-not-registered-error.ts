import { MXNetError } from './mxnet-error.js';

/**
 * Raised by `mx.init.create(name)` for a name no initializer is registered under (MXNet's
 * `AssertionError` from `registry.create`). The message starts with MXNet's text and lists
 * the registered names.
 *
 * @example
 * try { mx.init.create('foo'); } catch (e) { if (e instanceof mx.InitializerNotRegisteredError) ... }
 */
export class InitializerNotRegisteredError extends MXNetError {
  override readonly name = 'InitializerNotRegisteredError';

  constructor(
    /** The lowercased name that was looked up. */
    readonly initializer: string,
    registered: readonly string[],
  ) {
    super(
      `${initializer} is not registered. Please register with initializer.register first (registered: ${registered.join(', ')})`,
    );
  }
}
