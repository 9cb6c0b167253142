/**
 * Base class of every error MXTS throws. Mirrors `mxnet.base.MXNetError`.
 *
 * @example
 * try { x.backward(); } catch (e) { if (e instanceof mx.MXNetError) console.log(e.message); }
 */
export class MXNetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
