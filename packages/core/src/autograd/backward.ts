import { memory } from '../backend/registry.js';
import { DTypeError } from '../errors/dtype-error.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { NoGradInputsError } from '../errors/no-grad-inputs-error.js';
import { NotInGraphError } from '../errors/not-in-graph-error.js';
import { ShapeError } from '../errors/shape-error.js';
import { VariableWithoutGradError } from '../errors/variable-without-grad-error.js';
import { headOnes } from '../gradients/zero-gradient.js';
import { installed } from '../installed.js';
import { disposeCreated } from '../memory/collect.js';
import { noteTrainingStep } from '../memory/leak-watch.js';
import { type NDArray, nextArraySerial } from '../ndarray/ndarray.js';
import { sameShape } from '../ndarray/shape.js';
import { checkNDArray } from '../validate/check-args.js';
import { releaseNode } from './graph-group.js';
import { isLive, type Node, type VariableInfo } from './node.js';
import { setRecording, setTraining } from './state.js';
import { savedArrays } from './tape.js';

/** Options shared by `backward` and `grad`. */
export interface BackwardOptions {
  /** Keep the graph for another backward; MXNet's `retain_graph` (default false). */
  retainGraph?: boolean;
  /** Run the backward in training mode; MXNet's `train_mode` (default true, whatever scope). */
  trainMode?: boolean;
}

/** Heads in reverse topological order's input: every live node reachable, inputs first. */
function topoSort(heads: readonly Node[]): Node[] {
  const order: Node[] = [];
  const seen = new Set<Node>();
  const stack: [Node, number][] = [];
  for (const h of heads) {
    if (seen.has(h)) continue;
    seen.add(h);
    stack.push([h, 0]);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const [node, i] = top;
      if (i < node.inputs.length) {
        top[1]++;
        const child = node.inputs[i].node;
        if (child.info !== null && !seen.has(child)) {
          seen.add(child);
          stack.push([child, 0]);
        }
      } else {
        stack.pop();
        order.push(node);
      }
    }
  }
  return order;
}

function isTarget(node: Node): boolean {
  return node.info?.kind === 'variable' && node.info.gradReq !== 'null';
}

/**
 * The one backward pass behind `backward` and `grad` (MXNet's Imperative::Backward).
 * With `variables`, returns their gradients as new arrays and leaves `.grad` alone;
 * without, writes every reachable variable's buffer according to its gradReq.
 */
export function runBackward(
  heads: readonly NDArray[],
  headGrads: readonly (NDArray | null | undefined)[] | null,
  variables: readonly NDArray[] | null,
  opts: { retainGraph: boolean; createGraph: boolean; trainMode: boolean },
): NDArray[] {
  // Temporaries are freed at once (training loops never wait for the GC); the graph keeps
  // its saved values through its own storage references, so only the results are kept.
  const result = disposeCreated(() => backwardPass(heads, headGrads, variables, opts));
  noteTrainingStep(() => memory().arrays);
  return result;
}

// MXNet requires each head gradient to have its head's shape exactly (no broadcasting) and
// dtype; checked before the pass, so the error names backward, not an internal op.
function checkHeadGrads(
  op: string,
  heads: readonly NDArray[],
  headGrads: readonly (NDArray | null | undefined)[] | null,
): void {
  heads.forEach((h, i) => {
    const g = headGrads?.[i];
    if (g === null || g === undefined) return;
    checkNDArray(op, `headGrads[${i}]`, g);
    if (!sameShape(g.shape, h.shape)) {
      throw new ShapeError(
        op,
        [h.shape, g.shape],
        `headGrads[${i}] must have the shape of head ${i}`,
      );
    }
    if (g.dtype !== h.dtype) {
      throw new DTypeError(
        op,
        `headGrads[${i}] has dtype ${g.dtype}, head ${i} has ${h.dtype}; cast it with astype()`,
      );
    }
  });
}

function backwardPass(
  heads: readonly NDArray[],
  headGrads: readonly (NDArray | null | undefined)[] | null,
  variables: readonly NDArray[] | null,
  opts: { retainGraph: boolean; createGraph: boolean; trainMode: boolean },
): NDArray[] {
  if (headGrads !== null && headGrads.length !== heads.length) {
    throw new InvalidArgumentError(
      'backward',
      'heads and headGrads must be arrays of the same length',
    );
  }
  checkHeadGrads(variables === null ? 'backward' : 'grad', heads, headGrads);
  const first = nextArraySerial();
  const headNodes: Node[] = [];
  for (const h of heads) {
    if (!isLive(h._entry)) throw new NotInGraphError();
    headNodes.push(h._entry.node);
  }
  const order = topoSort(headNodes);

  let targets: Node[];
  if (variables !== null) {
    targets = variables.map((v, i) => {
      if (!isLive(v._entry) || !isTarget(v._entry.node)) throw new VariableWithoutGradError(i + 1);
      return v._entry.node;
    });
  } else {
    targets = order.filter(isTarget);
    if (targets.length === 0) throw new NoGradInputsError();
  }

  // A node needs a gradient when a target lies below it; others are skipped.
  const needs = new Set<Node>(targets);
  for (const node of order) {
    if (node.inputs.some((e) => needs.has(e.node))) needs.add(node);
  }

  const { ops, creation } = installed();
  const prevRecording = setRecording(opts.createGraph);
  const prevTraining = setTraining(opts.trainMode);
  const grads = new Map<Node, (NDArray | undefined)[]>();
  const accumulate = (node: Node, index: number, g: NDArray): void => {
    if (!needs.has(node)) return;
    let slots = grads.get(node);
    if (slots === undefined) {
      slots = [];
      grads.set(node, slots);
    }
    const prev = slots[index];
    slots[index] = prev === undefined ? g : ops.add(prev, g);
  };
  try {
    heads.forEach((h, i) => {
      accumulate(h._entry!.node, h._entry!.index, headGrads?.[i] ?? headOnes(h));
    });
    for (let k = order.length - 1; k >= 0; k--) {
      const node = order[k];
      const info = node.info;
      const slots = grads.get(node);
      if (info === null || info.kind !== 'op' || slots === undefined) continue;
      const { inputs, outputs } = savedArrays(node);
      const outGrads = outputs.map((y, i) => slots[i] ?? creation.zerosLike(y));
      const inGrads = info.rule({
        inputs,
        outputs,
        attrs: node.attrs,
        outGrads,
        needsGrad: node.inputs.map((e) => needs.has(e.node)),
      });
      node.inputs.forEach((e, i) => {
        const g = inGrads[i];
        if (g) accumulate(e.node, e.index, g);
      });
    }
    if (variables !== null) {
      // A result that is the caller's own head gradient, or a graph's saved value, is
      // copied: results never alias memory the caller or the graph owns.
      return variables.map((v) => {
        const g = grads.get(v._entry!.node)?.[0] ?? creation.zerosLike(v);
        return headGrads?.includes(g) || g._isView ? ops.copy(g) : g;
      });
    }
    const values = targets.map((node) => {
      const info = node.info as VariableInfo;
      const g = grads.get(node)?.[0] ?? creation.zerosLike(info.grad as NDArray);
      return info.gradReq === 'add' ? ops.add(info.grad as NDArray, g) : g;
    });
    targets.forEach((node, i) => {
      const info = node.info as VariableInfo;
      const value = values[i];
      // A gradient this pass computed moves into the buffer, unless another buffer gets the
      // same array (add's rule passes one gradient to both inputs); anything else is copied.
      const own = value._serial >= first && values.indexOf(value, i + 1) < 0;
      (info.grad as NDArray)._assign(value, own && values.indexOf(value) === i);
      info.fresh = true;
    });
    return [];
  } finally {
    setRecording(prevRecording);
    setTraining(prevTraining);
    if (!opts.retainGraph) {
      for (const node of order) if (!isTarget(node)) releaseNode(node);
    }
  }
}
