import { NDArray } from '../ndarray/ndarray.js';
import { arraysIn } from './collect.js';
import { closeFrame, type Frame, handOn, openFrame } from './frames.js';

/**
 * An open `mx.scope()`: frees every array created while it is open when it ends, except the
 * arrays `mx.keep` marked. Close it with `[Symbol.dispose]()`, which `using` does for you.
 *
 * @example
 * {
 *   using _ = mx.scope();
 *   const t = x.mul(2); // freed at the end of the block
 * }
 */
export class MemoryScope implements Disposable {
  private frame: Frame | null = openFrame();

  /** Ends the scope: frees what it collected. A second call does nothing. */
  [Symbol.dispose](): void {
    this.end(undefined);
  }

  /** @internal Ends the scope, handing the arrays in `result` to the enclosing scope. */
  end(result: unknown): void {
    const f = this.frame;
    if (f === null) return;
    this.frame = null;
    const created = closeFrame(f);
    const returned = arraysIn(result);
    for (const a of created) {
      if (returned.has(a) || a._kept) handOn(a);
      else a._free('scope');
    }
  }
}

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return v !== null && typeof (v as { then?: unknown })?.then === 'function';
}

/**
 * Frees every array created inside `fn` except what it returns: an NDArray, or NDArrays
 * nested in plain arrays and objects, which pass to the enclosing scope. Scopes nest, work
 * inside and around `autograd.record`/`pause`, and free on a throw too. An async `fn` is
 * awaited first. Without `fn`, returns a {@link MemoryScope} for `using`. What a live graph
 * still needs is never freed early: a graph keeps its own references to its saved values.
 *
 * Async rule: arrays belong to the innermost scope open when they are created, whichever
 * task creates them. Two async scopes that interleave at `await` collect each other's
 * arrays, so run scoped async steps one after another (await each), or `mx.keep` what
 * must survive. The same holds for `using` scopes across an `await`.
 *
 * TF.js's `tf.tidy`; MXNet frees NDArrays by reference counting, which JS cannot do.
 *
 * @example
 * for (let i = 0; i < 1000; i++) {
 *   const l = mx.scope(() => {
 *     const loss = mx.autograd.record(() => lossOf(net, x, y));
 *     loss.backward();
 *     mx.autograd.pause(() => { for (const p of params) p.isub(p.grad!.mul(lr)); });
 *     return loss.asscalarSync();
 *   });
 * }
 * { using _ = mx.scope(); const t = x.mul(2); } // t is freed here
 */
export function scope(): MemoryScope;
export function scope<T>(fn: () => Promise<T>): Promise<T>;
export function scope<T>(fn: () => T): T;
export function scope<T>(fn?: () => T | Promise<T>): T | Promise<T> | MemoryScope {
  const s = new MemoryScope();
  if (fn === undefined) return s;
  let out: T | Promise<T>;
  try {
    out = fn();
  } catch (e) {
    s.end(undefined);
    throw e;
  }
  if (!isThenable(out)) {
    s.end(out);
    return out;
  }
  return Promise.resolve(out).then(
    (v) => {
      s.end(v);
      return v;
    },
    (e: unknown) => {
      s.end(undefined);
      throw e;
    },
  );
}

/**
 * Lets arrays outlive every scope around them, and the record callback they were made in:
 * no `mx.scope` end and no graph release frees them (dispose them, or let the finalizer).
 * Takes an NDArray or NDArrays nested in plain arrays and objects; returns its argument.
 *
 * @example
 * let h;
 * const y = mx.scope(() => { h = mx.keep(x.mul(2)); return h.sum(); });
 * h.shape; // still there
 */
export function keep<T>(value: T): T {
  if (value instanceof NDArray) value._kept = true;
  else for (const a of arraysIn(value)) a._kept = true;
  return value;
}
