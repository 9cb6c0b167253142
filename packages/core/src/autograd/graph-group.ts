import type { NDArray } from '../ndarray/ndarray.js';
import type { Storage } from '../ndarray/storage.js';
import type { Node } from './node.js';

/** Frees what a node saved when its graph is dropped without a backward. */
export const savedFinalizer = new FinalizationRegistry<Storage[]>((saved) => {
  for (const s of saved) s.release();
});

/**
 * The graph one `autograd.record(() => ...)` callback recorded. It owns the arrays the
 * callback created and did not return, and is released, freeing them, once nothing can
 * use it: its heads (returned or `mx.keep`-ed arrays in the graph) were released by a
 * backward or disposed, and no graph recorded later on top of it is still alive.
 */
export class GraphGroup {
  /** Nodes recorded during the callback. */
  readonly nodes: Node[] = [];
  /** Owned arrays outside the graph (computed from constants); freed with the group. */
  readonly arrays: NDArray[] = [];
  /** Live heads: handles the program got back from the callback that sit on its nodes. */
  heads = 0;
  /** Later groups that read this one's nodes and are not released yet. */
  dependents = 0;
  /** Read by ops recorded outside any callback (`using` form): only backward frees it. */
  pinned = false;
  released = false;
  readonly dependsOn = new Set<GraphGroup>();
}

let current: GraphGroup | null = null;

/** The group of the record callback running now, if any. */
export function currentGroup(): GraphGroup | null {
  return current;
}

/** Makes `g` the current group; returns the previous one. */
export function setCurrentGroup(g: GraphGroup | null): GraphGroup | null {
  const prev = current;
  current = g;
  return prev;
}

/** Notes that an op recorded now reads `input`: the input's group must stay while it can. */
export function noteUse(input: Node): void {
  const g = input.group;
  if (g === null || g === current || g.released) return;
  if (current === null) g.pinned = true;
  else if (!current.dependsOn.has(g)) {
    current.dependsOn.add(g);
    g.dependents++;
  }
}

/** Drops a node's history, frees the values it saved and the arrays it owns. */
export function releaseNode(node: Node): void {
  const info = node.info;
  if (info === null) return;
  if (info.kind === 'op') {
    savedFinalizer.unregister(node);
    for (const s of info.saved) s.release();
  }
  node.info = null;
  node.inputs = [];
  const owned = node.owned;
  if (owned !== null) {
    node.owned = null;
    for (const a of owned) a._free('graph');
  }
  if (node.heads > 0 && node.group !== null) {
    node.group.heads -= node.heads;
    node.heads = 0;
    maybeRelease(node.group);
  }
}

/** A head handle on `node` was disposed. */
export function headGone(node: Node): void {
  if (node.info === null || node.heads === 0 || node.group === null) return;
  node.heads--;
  node.group.heads--;
  maybeRelease(node.group);
}

/** Releases the group when nothing can use it any more. */
export function maybeRelease(g: GraphGroup): void {
  if (g.released || g.heads > 0 || g.dependents > 0 || g.pinned) return;
  g.released = true;
  for (const n of g.nodes) releaseNode(n);
  g.nodes.length = 0;
  for (const a of g.arrays) a._free('graph');
  g.arrays.length = 0;
  for (const d of g.dependsOn) {
    d.dependents--;
    maybeRelease(d);
  }
  g.dependsOn.clear();
}
