import { arraysIn } from '../memory/collect.js';
import { closeFrame, handOn, openFrame } from '../memory/frames.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { currentGroup, GraphGroup, maybeRelease, setCurrentGroup } from './graph-group.js';

/**
 * Runs a record callback so that its graph owns what it created: arrays returned (or kept)
 * become the graph's heads; the others are freed when the graph is released. A record
 * callback inside another one joins the outer graph.
 */
export function recordGraph<T>(fn: () => T): T {
  if (currentGroup() !== null) return fn();
  const group = new GraphGroup();
  const frame = openFrame();
  const prev = setCurrentGroup(group);
  let result: T | undefined;
  let ok = false;
  try {
    result = fn();
    ok = true;
    return result;
  } finally {
    setCurrentGroup(prev);
    const created = closeFrame(frame);
    const returned = ok ? arraysIn(result) : new Set<NDArray>();
    for (const a of created) {
      if (a.isDisposed) continue;
      const node = a._entry?.node;
      const inGroup = node !== undefined && node.info !== null && node.group === group;
      if (returned.has(a) || a._kept) {
        if (inGroup) {
          node.heads++;
          group.heads++;
          a._headNode = node;
        }
      } else if (inGroup && node.info?.kind === 'op') {
        if (node.owned === null) node.owned = [a];
        else node.owned.push(a);
      } else group.arrays.push(a);
      // An enclosing scope frees owned arrays too; without one the finalizer backs them up.
      handOn(a);
    }
    maybeRelease(group);
  }
}
