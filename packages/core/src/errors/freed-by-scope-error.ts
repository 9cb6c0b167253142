import { DisposedArrayError } from './disposed-array-error.js';

/**
 * Raised when an array is used after the `mx.scope` it was created in ended: a scope frees
 * every array created inside it except what it returns and what `mx.keep` marked.
 *
 * @example
 * let t; mx.scope(() => { t = mx.nd.ones([2]); });
 * t.shape; // FreedByScopeError: return it from the scope, or mx.keep(t)
 */
export class FreedByScopeError extends DisposedArrayError {
  override readonly name = 'FreedByScopeError';

  constructor(op: string) {
    super(
      op,
      `${op}: the array was created inside mx.scope() and freed when that scope ended, because the scope did not return it. Return it from the scope callback (plain arrays and objects of arrays are kept too), or call mx.keep(x) inside the scope.`,
    );
  }
}
