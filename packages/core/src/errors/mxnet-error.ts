/**
 * Base class of every error MXTS throws. Mirrors `mxnet.base.MXNetError`.
 *
 * @example
 * try { x.backward(); } catch (e) { if (e instanceof mx.MXNetError) console.log(e.message); }
 */
export class MXNetError extends Error {
  /** A literal, so the name survives minifiers that rename classes. */
  override readonly name: string = 'MXNetError';

  constructor(message: string) {
    super(message);
  }
}
