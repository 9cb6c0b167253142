import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { recordGraph } from './record-graph.js';
import { runInScope, Scope } from './scope.js';

// Checked before the scope sets any flag: a callback, an options object, or nothing.
function checkScopeArgs(op: string, a: unknown, b: unknown): { trainMode?: boolean } {
  const opts = typeof a === 'function' ? b : a;
  if (opts === undefined) return {};
  if (opts === null || typeof opts !== 'object' || Array.isArray(opts)) {
    throw new InvalidArgumentError(
      op,
      `expects a function to run, or options such as { trainMode: true }; got ${opts === null ? 'null' : typeof opts}`,
    );
  }
  const t = (opts as { trainMode?: unknown }).trainMode;
  if (t !== undefined && typeof t !== 'boolean') {
    throw new InvalidArgumentError(op, `trainMode must be true or false, got ${typeof t}`);
  }
  return opts as { trainMode?: boolean };
}

/** Options of `record`. */
export interface RecordOptions {
  /** Training flag inside the scope (Dropout active); MXNet's `train_mode`, default true. */
  trainMode?: boolean;
}

/** Options of `pause`. */
export interface PauseOptions {
  /** Training flag inside the scope; MXNet's `train_mode`, default false. */
  trainMode?: boolean;
}

/**
 * MXNet `autograd.record(train_mode=True)`: records ops for backward. With a callback,
 * returns its value; without, returns a scope for `using`.
 *
 * @example
 * const y = mx.autograd.record(() => mx.nd.multiply(x, x));
 * { using _ = mx.autograd.record(); const z = x.mul(2); }
 */
export function record<T>(fn: () => T, options?: RecordOptions): T;
export function record(options?: RecordOptions): Scope;
export function record<T>(a?: (() => T) | RecordOptions, b?: RecordOptions): T | Scope {
  const opts = checkScopeArgs('record', a, b);
  const scope = new Scope(true, opts.trainMode ?? true);
  return typeof a === 'function' ? runInScope('record', scope, () => recordGraph(a)) : scope;
}

/**
 * MXNet `autograd.pause(train_mode=False)`: stops recording inside the scope.
 *
 * @example
 * mx.autograd.record(() => { const y = x.mul(2); mx.autograd.pause(() => log(y)); });
 */
export function pause<T>(fn: () => T, options?: PauseOptions): T;
export function pause(options?: PauseOptions): Scope;
export function pause<T>(a?: (() => T) | PauseOptions, b?: PauseOptions): T | Scope {
  const opts = checkScopeArgs('pause', a, b);
  const scope = new Scope(false, opts.trainMode ?? false);
  return typeof a === 'function' ? runInScope('pause', scope, a) : scope;
}

/**
 * MXNet `autograd.train_mode()`: training behaviour (Dropout active) without touching
 * the recording flag.
 *
 * @example
 * const y = mx.autograd.trainMode(() => mx.nd.Dropout(x, { p: 0.5 }));
 */
export function trainMode<T>(fn: () => T): T;
export function trainMode(): Scope;
export function trainMode<T>(fn?: () => T): T | Scope {
  const scope = new Scope(null, true);
  return fn ? runInScope('trainMode', scope, fn) : scope;
}

/**
 * MXNet `autograd.predict_mode()`: inference behaviour (Dropout is the identity) without
 * touching the recording flag.
 *
 * @example
 * mx.autograd.record(() => mx.autograd.predictMode(() => mx.nd.Dropout(x)));
 */
export function predictMode<T>(fn: () => T): T;
export function predictMode(): Scope;
export function predictMode<T>(fn?: () => T): T | Scope {
  const scope = new Scope(null, false);
  return fn ? runInScope('predictMode', scope, fn) : scope;
}
