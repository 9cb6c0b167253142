import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { installed } from '../installed.js';
import { NDArray } from '../ndarray/ndarray.js';
import type { Storage } from '../ndarray/storage.js';
import { currentGroup, noteUse, savedFinalizer } from './graph-group.js';
import { type Entry, type GradFn, type GradReq, isLive, Node, type OpInfo } from './node.js';

// MXNet's process-wide counters: `var<c>`/`null<c>` share one, op nodes use `node_<n>`.
// MXNet counts once per recorded operator; MXTS computes some operators (Dropout,
// FullyConnected, ...) with several primitives inside a symbol boundary, so nodes made
// there take no number: the boundary numbers its one operator node when it ends.
let variableCount = 0;
let nodeCount = 0;
let boundaryDepth = 0;

/** Id of a node made inside a symbol boundary: hidden by the operator node, unnumbered. */
export const UNNUMBERED = -1;

/** Enters a symbol boundary: primitives recorded until the matching exit take no number. @internal */
export function enterBoundary(): void {
  boundaryDepth++;
}

/** Leaves a symbol boundary; true when it was the outermost one (which names its node). @internal */
export function exitBoundary(): boolean {
  boundaryDepth--;
  return boundaryDepth === 0;
}

/**
 * Runs `fn` with MXNet's imperative name counters untouched: a Module's executor records its
 * graph for backward, but MXNet's GraphExecutor never takes `var<c>`/`node_<n>` numbers.
 * @internal
 */
export function withoutNames<T>(fn: () => T): T {
  boundaryDepth++;
  try {
    return fn();
  } finally {
    boundaryDepth--;
  }
}

/** The next `node_<n>` number, as MXNet's RecordOp takes it. @internal */
export function nextNodeNumber(): number {
  return nodeCount++;
}

/** The next `var<c>`/`null<c>` number. @internal */
export function nextVariableNumber(): number {
  return variableCount++;
}

/**
 * The numbers the next `var<c>`/`null<c>` and `node_<n>` names will take (MXNet's counters
 * are process-wide, so tests read them to know which names a graph gets). @internal
 */
export function _nameCounters(): { variable: number; node: number } {
  return { variable: variableCount, node: nodeCount };
}

const GRAD_REQS: readonly string[] = ['write', 'add', 'null'];

/** Checks a grad_req string; MXNet raises KeyError for anything else ('inplace' too). */
export function checkGradReq(op: string, req: string): GradReq {
  if (!GRAD_REQS.includes(req)) {
    throw new InvalidArgumentError(op, `unknown gradReq '${req}'; use 'write', 'add' or 'null'`);
  }
  return req as GradReq;
}

/** Makes `array` a leaf variable whose gradient goes into `grad` (MXNet's MarkVariables). */
export function markVariable(array: NDArray, grad: NDArray, gradReq: GradReq): void {
  const node = new Node(
    'null',
    'var',
    boundaryDepth > 0 ? UNNUMBERED : variableCount++,
    [],
    {},
    {
      kind: 'variable',
      gradReq,
      grad,
      fresh: false,
    },
  );
  array._entry = { node, index: 0 };
}

function entryOf(x: NDArray): Entry {
  if (isLive(x._entry)) return x._entry;
  // A plain input of a recorded op becomes a constant leaf, as MXNet's `null<c>` nodes.
  const node = new Node(
    'null',
    'null',
    boundaryDepth > 0 ? UNNUMBERED : variableCount++,
    [],
    {},
    {
      kind: 'variable',
      gradReq: 'null',
      grad: null,
      fresh: false,
    },
  );
  x._entry = { node, index: 0 };
  // Released with the callback's graph, so the input does not look recorded afterwards.
  currentGroup()?.nodes.push(node);
  return x._entry;
}

/**
 * Records an op that already ran (MXNet's RecordOp). Does nothing unless some input is in
 * a graph. Saves handles sharing the inputs' and outputs' memory for the gradient rule.
 */
export function recordOp(
  op: string,
  attrs: Readonly<Record<string, unknown>>,
  inputs: readonly NDArray[],
  outputs: readonly NDArray[],
  rule: GradFn<any>,
): void {
  let anyLive = false;
  for (const x of inputs) if (isLive(x._entry)) anyLive = true;
  if (!anyLive) return;
  const entries: Entry[] = [];
  const saved: Storage[] = [];
  for (const x of inputs) {
    const e = entryOf(x);
    noteUse(e.node);
    entries.push(e);
    saved.push(x._retainStorage());
  }
  for (const y of outputs) saved.push(y._retainStorage());
  const node = new Node(op, 'node_', boundaryDepth > 0 ? UNNUMBERED : nodeCount++, entries, attrs, {
    kind: 'op',
    rule: rule as GradFn,
    saved,
    context: outputs[0].context,
    numOutputs: outputs.length,
  });
  // One finalizer per node frees what it saved if its graph is dropped without a backward.
  savedFinalizer.register(node, saved, node);
  const group = currentGroup();
  if (group !== null) {
    node.group = group;
    group.nodes.push(node);
  }
  for (let i = 0; i < outputs.length; i++) outputs[i]._entry = { node, index: i };
}

/**
 * The saved values of an op node as arrays for its gradient rule. They keep their place
 * in the graph, so a createGraph backward that uses them links back to the forward graph.
 */
export function savedArrays(node: Node): { inputs: NDArray[]; outputs: NDArray[] } {
  const info = node.info as OpInfo;
  const nIn = info.saved.length - info.numOutputs;
  const inputs: NDArray[] = [];
  const outputs: NDArray[] = [];
  for (let i = 0; i < nIn; i++)
    inputs.push(NDArray._view(info.saved[i], info.context, node.inputs[i]));
  for (let i = 0; i < info.numOutputs; i++) {
    outputs.push(NDArray._view(info.saved[nIn + i], info.context, { node, index: i }));
  }
  return { inputs, outputs };
}

/** Looks up the injected gradient rule of a primitive kernel. */
export function kernelRule(kernel: string): GradFn {
  return (installed().rules as unknown as Record<string, GradFn>)[kernel];
}
