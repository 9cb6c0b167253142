import type { Context } from '../backend/context.js';
import type { NDArray } from '../ndarray/ndarray.js';
import type { Storage } from '../ndarray/storage.js';
import type { GraphGroup } from './graph-group.js';

/** How a variable's gradient buffer is written by backward: MXNet's `grad_req`. */
export type GradReq = 'write' | 'add' | 'null';

/** Everything a gradient rule sees for one recorded op. */
export interface GradContext<A = unknown> {
  readonly inputs: readonly NDArray[];
  readonly outputs: readonly NDArray[];
  readonly attrs: A;
  /** Gradients of the outputs (zeros where an output got none). */
  readonly outGrads: readonly NDArray[];
  /** Whether each input leads to a variable that wants a gradient; rules may skip others. */
  readonly needsGrad: readonly boolean[];
}

/** A gradient rule: the vector-Jacobian product of one op, written with ops. */
export type GradFn<A = unknown> = (g: GradContext<A>) => readonly (NDArray | null)[];

/** A leaf of the graph: an array marked with attachGrad/markVariables, or a constant. */
export interface VariableInfo {
  readonly kind: 'variable';
  readonly gradReq: GradReq;
  /** The gradient buffer (null for constants). */
  readonly grad: NDArray | null;
  fresh: boolean;
}

/** A recorded op with the values its gradient rule needs. */
export interface OpInfo {
  readonly kind: 'op';
  readonly rule: GradFn;
  /** Input then output values, kept alive by the node (released with it). */
  readonly saved: readonly Storage[];
  readonly context: Context;
  /** Output arrays' dtypes and shapes are read from `saved`; this many are outputs. */
  readonly numOutputs: number;
}

/** Where an array sits in the graph: a node and which of its outputs it is. */
export interface Entry {
  readonly node: Node;
  readonly index: number;
}

/**
 * One node of the tape. `info` is null once the graph was released by a backward without
 * `retainGraph`; arrays pointing at such a node count as "not in a graph".
 */
export class Node {
  /** The record callback's graph this node was recorded in (null outside callbacks). */
  group: GraphGroup | null = null;
  /** Intermediates the record callback did not return; freed when this node is released. */
  owned: NDArray[] | null = null;
  /** How many head handles of its group sit on this node. */
  heads = 0;

  constructor(
    /** MXNet op name ('null' for variables and constants). */
    readonly op: string,
    /** MXNet's node name is this prefix and id: `var<c>`, `null<c>` or `node_<n>`. */
    private readonly prefix: 'var' | 'null' | 'node_',
    /** The counter value; a symbol boundary numbers the constant leaves it made at its end. */
    public id: number,
    public inputs: readonly Entry[],
    readonly attrs: Readonly<Record<string, unknown>>,
    public info: VariableInfo | OpInfo | null,
  ) {}

  /** MXNet's node name (built on demand: recording an op should not format strings). */
  get name(): string {
    return `${this.prefix}${this.id}`;
  }
}

/** True when the entry exists and its node was not released. */
export function isLive(e: Entry | null): e is Entry {
  return e !== null && e.node.info !== null;
}
