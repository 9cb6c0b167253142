import type { NDArray } from './ndarray.js';

// Lists that collect every handle created while they are open (innermost first).
const open: NDArray[][] = [];

/**
 * Called by the NDArray constructor. Returns true when an open list took the handle: it
 * will be disposed or handed on, so it needs no finalizer yet.
 */
export function noteCreated(a: NDArray): boolean {
  if (open.length === 0) return false;
  open[open.length - 1].push(a);
  return true;
}

/**
 * Runs `fn` and disposes every handle it created, except those `keep` returns true for.
 * Handles a graph saved are separate shares, so disposing the user-level ones is safe.
 */
export function disposeCreated<T>(fn: () => T, keep: (result: T, a: NDArray) => boolean): T {
  const created: NDArray[] = [];
  open.push(created);
  let result: T | undefined;
  try {
    result = fn();
    return result;
  } finally {
    open.pop();
    for (const a of created) {
      if (result !== undefined && keep(result, a)) {
        if (!noteCreated(a)) a._watch();
      } else a.dispose();
    }
  }
}
