import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { autogradOps } from './hooks.js';
import { type Entry, type GradFn, type GradReq, isLive, Node } from './node.js';

// MXNet's process-wide counters: `var<c>`/`null<c>` share one, op nodes use `node_<n>`.
let variableCount = 0;
let nodeCount = 0;

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
    `var${variableCount++}`,
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
    `null${variableCount++}`,
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
  const entries = inputs.map(entryOf);
  // Saved values keep their place in the graph, so a createGraph backward that uses them
  // links back to the forward graph.
  const saved = (x: NDArray, e: Entry): NDArray => {
    const s = x._share();
    s._entry = e;
    return s;
  };
  const savedOutputs: NDArray[] = [];
  const node = new Node(op, `node_${nodeCount++}`, entries, attrs, {
    kind: 'op',
    rule: rule as GradFn,
    inputs: inputs.map((x, i) => saved(x, entries[i])),
    outputs: savedOutputs,
  });
  outputs.forEach((y, i) => {
    y._entry = { node, index: i };
    savedOutputs.push(saved(y, y._entry));
  });
}

/** Looks up the injected gradient rule of a primitive kernel. */
export function kernelRule(kernel: string): GradFn {
  return (autogradOps().rules as unknown as Record<string, GradFn>)[kernel];
}

/** Drops a node's history and frees the values it saved. */
export function releaseNode(node: Node): void {
  const info = node.info;
  if (info === null) return;
  if (info.kind === 'op') {
    for (const a of info.inputs) a.dispose();
    for (const a of info.outputs) a.dispose();
  }
  node.info = null;
  node.inputs = [];
}
