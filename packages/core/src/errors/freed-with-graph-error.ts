import { DisposedArrayError } from './disposed-array-error.js';

/**
 * Raised when an array created inside an `autograd.record(() => ...)` callback, and not
 * returned from it, is used after its graph was released (by `backward()`/`grad()` without
 * `retainGraph`, or when the graph's heads were freed). Such intermediates belong to the
 * graph, so a training loop leaves nothing behind.
 *
 * @example
 * let h; const loss = mx.autograd.record(() => { h = x.mul(2); return h.sum(); });
 * loss.backward();
 * h.shape; // FreedWithGraphError: return h from the callback, or mx.keep(h)
 */
export class FreedWithGraphError extends DisposedArrayError {
  override readonly name = 'FreedWithGraphError';

  constructor(op: string) {
    super(
      op,
      `${op}: the array was created inside autograd.record() and not returned from the callback, so it belonged to the recorded graph and was freed when that graph was released (by backward()/grad() without retainGraph, or when the graph's heads were freed). To use it afterwards, return it from the callback (e.g. return [loss, h]) or call mx.keep(x) inside the callback.`,
    );
  }
}
