import { type Entry, isLive, type Node } from '../autograd/node.js';
import { isRecording } from '../autograd/state.js';
import {
  enterBoundary,
  exitBoundary,
  nextNodeNumber,
  nextVariableNumber,
  UNNUMBERED,
} from '../autograd/tape.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { toAttrs } from './attrs.js';

/** The MXNet operator a composite op recorded as, for `getSymbol`. @internal */
export interface BoundarySummary {
  /** MXNet's operator name (`Dropout`, `FullyConnected`, `SliceChannel`). */
  readonly op: string;
  /** The keyword arguments the user gave, as MXNet's strings (`{ p: '0.5' }`). */
  readonly attrs: Readonly<Record<string, string>>;
  /**
   * Where the op's inputs sit in the graph, in MXNet's order (missing optional ones left
   * out), taken when the op ran: a constant's `null<c>` entry is cleared after `record`.
   */
  readonly inputs: readonly Entry[];
  /** MXNet's output count of the operator (Dropout has 2: output and mask). */
  readonly numOutputs: number;
  /** MXNet's `node_<n>`, numbered when the outermost boundary ends (its RecordOp). */
  name: string;
}

interface Mark {
  readonly summary: BoundarySummary;
  /** Output index on the primitive node -> output index of the MXNet operator. */
  readonly positions: Map<number, number>;
}

const marks = new WeakMap<Node, Mark>();

/**
 * Runs a composite op (one MXNet operator that MXTS computes with several primitives) and,
 * while recording, marks the primitive nodes that produced its outputs so that
 * `autograd.getSymbol` writes one node with MXNet's operator name and the user's keyword
 * arguments instead of the primitives. Gradients still flow through the primitives. The
 * outermost boundary wins (it marks last). Costs nothing when not recording.
 * @internal
 */
export function symbolBoundary<T extends NDArray | NDArray[]>(
  op: string,
  inputs: readonly (NDArray | null | undefined)[],
  options: object | undefined,
  fn: () => T,
  numOutputs?: number,
): T {
  if (!isRecording()) return fn();
  const given = inputs.filter((x): x is NDArray => x !== null && x !== undefined);
  enterBoundary();
  let result: T;
  let outermost = false;
  try {
    result = fn();
  } finally {
    outermost = exitBoundary();
  }
  const outs: NDArray[] = Array.isArray(result) ? result : [result as NDArray];
  const inputNodes = new Set(given.map((x) => x._entry?.node));
  const opts = (options ?? {}) as Record<string, unknown>;
  const summary: BoundarySummary = {
    op,
    attrs: toAttrs(opts, Object.keys(opts)),
    inputs: inputEntries(given, outs),
    numOutputs: numOutputs ?? outs.length,
    name: '',
  };
  let recorded = false;
  outs.forEach((y, i) => {
    const e = y._entry;
    // An output that is an input unchanged (no primitive ran) is not this op's node.
    if (!isLive(e) || inputNodes.has(e.node) || e.node.info?.kind !== 'op') return;
    recorded = true;
    let mark = marks.get(e.node);
    if (mark === undefined || mark.summary !== summary) {
      mark = { summary, positions: new Map() };
      marks.set(e.node, mark);
    }
    mark.positions.set(e.index, i);
  });
  if (outermost && recorded) {
    // MXNet's RecordOp: `node_<n>` first, then `null<c>` for each input not yet in a
    // graph, in input order (an array given twice gets one leaf).
    summary.name = `node_${nextNodeNumber()}`;
    for (const e of summary.inputs) {
      if (e.node.id === UNNUMBERED && e.node.op === 'null') e.node.id = nextVariableNumber();
    }
  }
  return result;
}

/**
 * The graph entries of the op's inputs. An input that no recorded primitive took directly
 * (a constant weight reshaped before use: the reshape is not recorded) is stood for by the
 * constant leaf its first recorded use made, found below the outputs in order.
 */
function inputEntries(given: readonly NDArray[], outs: readonly NDArray[]): Entry[] {
  const known = given.map((x) => (isLive(x._entry) ? x._entry : null));
  if (known.every((e) => e !== null)) return known as Entry[];
  const stop = new Set(known.flatMap((e) => (e === null ? [] : [e.node])));
  const leaves: Node[] = [];
  const seen = new Set<Node>();
  const stack = outs.flatMap((y) => (isLive(y._entry) ? [y._entry.node] : []));
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (seen.has(n) || stop.has(n)) continue;
    seen.add(n);
    if (n.info?.kind === 'variable' && n.op === 'null') leaves.push(n);
    for (let i = n.inputs.length - 1; i >= 0; i--) stack.push(n.inputs[i].node);
  }
  let next = 0;
  return known.flatMap((e) => {
    if (e !== null) return [e];
    const leaf = leaves[next++];
    return leaf === undefined ? [] : [{ node: leaf, index: 0 }];
  });
}

/** The operator a recorded node's output belongs to, if a boundary marked it. @internal */
export function boundaryOf(
  node: Node,
  index: number,
): { summary: BoundarySummary; output: number } | null {
  const mark = marks.get(node);
  const output = mark?.positions.get(index);
  return mark === undefined || output === undefined ? null : { summary: mark.summary, output };
}
