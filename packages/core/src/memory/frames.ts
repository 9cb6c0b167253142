import type { NDArray } from '../ndarray/ndarray.js';

/**
 * An open collection point: every array handle created while it is the innermost open frame
 * is noted in `created`. `mx.scope`, `autograd.record(() => ...)` and library internals
 * (backward, the update operators) open frames; closing one decides each array's fate.
 */
export interface Frame {
  created: NDArray[];
  /** Length after the last compaction: a long-open frame drops handles already freed. */
  compacted: number;
}

// Innermost last. With async scopes the stack can close out of order (see closeFrame).
const frames: Frame[] = [];

/**
 * Called by the NDArray constructor. Returns true when an open frame took the handle: the
 * frame will free it or hand it on, so it needs no finalizer yet.
 */
export function noteCreated(a: NDArray): boolean {
  const n = frames.length;
  if (n === 0) return false;
  const f = frames[n - 1];
  // A scope around a long loop would otherwise hold every freed handle until it ends.
  if (f.created.length > 2 * f.compacted + 4096) {
    f.created = f.created.filter((x) => !x.isDisposed);
    f.compacted = f.created.length;
  }
  f.created.push(a);
  return true;
}

/** Opens a frame; it collects arrays until `closeFrame`. */
export function openFrame(): Frame {
  const f: Frame = { created: [], compacted: 0 };
  frames.push(f);
  return f;
}

/**
 * Removes the frame from the stack wherever it is (an async scope may end while a scope
 * opened later is still open) and returns what it collected.
 */
export function closeFrame(f: Frame): NDArray[] {
  const i = frames.lastIndexOf(f);
  if (i >= 0) frames.splice(i, 1);
  return f.created;
}

/** True while any frame is open (the leak warning only watches unscoped loops). */
export function framesOpen(): boolean {
  return frames.length > 0;
}

/**
 * Passes a surviving array to the enclosing frame, or to the finalizer when none is open.
 * A kept array (`mx.keep`) skips every frame.
 */
export function handOn(a: NDArray): void {
  if (a.isDisposed) return;
  if (a._kept || !noteCreated(a)) a._watch();
}
