import { NDArray } from '../ndarray/ndarray.js';
import { closeFrame, handOn, openFrame } from './frames.js';

/**
 * Every NDArray in `value`: the value itself, or arrays nested in plain arrays and plain
 * objects (what `mx.scope` and `record` callbacks may return).
 */
export function arraysIn(value: unknown): Set<NDArray> {
  const found = new Set<NDArray>();
  const seen = new Set<object>();
  const visit = (v: unknown): void => {
    if (v === null || typeof v !== 'object') return;
    if (v instanceof NDArray) {
      found.add(v);
      return;
    }
    if (seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      for (const x of v) visit(x);
      return;
    }
    const proto = Object.getPrototypeOf(v);
    if (proto === Object.prototype || proto === null) {
      for (const x of Object.values(v)) visit(x);
    }
  };
  visit(value);
  return found;
}

/**
 * Runs `fn` in a frame and frees every array it created except those in its result (which
 * are handed on). Library code uses it for its own temporaries; a graph's saved values are
 * separate references to the memory, so freeing the handles never breaks a graph.
 */
export function disposeCreated<T>(fn: () => T): T {
  const f = openFrame();
  let result: T | undefined;
  let ok = false;
  try {
    result = fn();
    ok = true;
    return result;
  } finally {
    const created = closeFrame(f);
    const keep = ok ? arraysIn(result) : new Set<NDArray>();
    for (const a of created) {
      if (keep.has(a) || a._kept) handOn(a);
      else a.dispose();
    }
  }
}
