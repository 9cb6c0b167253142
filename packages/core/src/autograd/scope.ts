import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { setRecording, setTraining } from './state.js';

/**
 * An open recording/training scope (MXNet's `_RecordingStateScope`). Close it with
 * `[Symbol.dispose]()`, which `using` does for you.
 */
export class Scope implements Disposable {
  private prevRecord: boolean | null = null;
  private prevTrain: boolean | null = null;
  private open = true;

  constructor(
    private readonly enterRecord: boolean | null,
    private readonly enterTrain: boolean | null,
  ) {
    if (enterRecord !== null) this.prevRecord = setRecording(enterRecord);
    if (enterTrain !== null) this.prevTrain = setTraining(enterTrain);
  }

  /** Restores the flags the scope changed. Like MXNet, a flag is restored only when its
   *  previous value differs from the one the scope entered with. */
  [Symbol.dispose](): void {
    if (!this.open) return;
    this.open = false;
    if (this.enterRecord !== null && this.prevRecord !== this.enterRecord) {
      setRecording(this.prevRecord as boolean);
    }
    if (this.enterTrain !== null && this.prevTrain !== this.enterTrain) {
      setTraining(this.prevTrain as boolean);
    }
  }
}

/** Runs `fn` inside a scope and closes it in `finally`; rejects async callbacks, because the
 *  flags are process-wide and an await would leak them into unrelated code. */
export function runInScope<T>(op: string, scope: Scope, fn: () => T): T {
  if (typeof fn !== 'function') {
    // The scope has already set the flags; it restores them before the refusal.
    scope[Symbol.dispose]();
    throw new InvalidArgumentError(
      op,
      `expects a function to run, or no argument for a scope; got ${typeof fn}`,
    );
  }
  let out: T;
  try {
    out = fn();
  } finally {
    scope[Symbol.dispose]();
  }
  if (out !== null && typeof (out as { then?: unknown })?.then === 'function') {
    throw new InvalidArgumentError(
      op,
      "the callback returned a Promise, but scopes are synchronous like MXNet's `with` blocks. Await outside the scope, or use `using s = mx.autograd." +
        op +
        '()`.',
    );
  }
  return out;
}
