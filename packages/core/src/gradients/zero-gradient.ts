import { isLive } from '../autograd/node.js';
import { isRecording } from '../autograd/state.js';
import { recordOp } from '../autograd/tape.js';
import { onesLike, zerosLike } from '../ndarray/creation.js';
import type { NDArray } from '../ndarray/ndarray.js';

/**
 * The gradient of a piecewise-constant op's input: nothing (null) in a plain backward, and
 * under `createGraph` a recorded `zeros_like(x)`, as MXNet's MakeZeroGradNodes builds, so the
 * result stays in the graph and a second `grad` through it gives zeros instead of raising
 * NotInGraphError. Its own gradient is the same again, to any order. @internal
 */
export function zeroGradient(x: NDArray, needed = true): NDArray | null {
  if (!needed || !isRecording() || !isLive(x._entry)) return null;
  const z = zerosLike(x);
  recordOp('zeros_like', {}, [x], [z], ({ inputs, needsGrad }) => [
    zeroGradient(inputs[0], needsGrad[0]),
  ]);
  return z;
}

/**
 * The default head gradient of a `createGraph` backward: `ones_like(head)`, recorded on the
 * head as MXNet's Imperative::Backward builds it, so every gradient computed from it stays in
 * the graph (a second `grad` of a linear function's gradient gives zeros, not
 * NotInGraphError). Its own gradient is zero. Outside recording, plain ones. @internal
 */
export function headOnes(head: NDArray): NDArray {
  const ones = onesLike(head);
  if (isRecording() && isLive(head._entry)) {
    recordOp('ones_like', {}, [head], [ones], ({ inputs, needsGrad }) => [
      zeroGradient(inputs[0], needsGrad[0]),
    ]);
  }
  return ones;
}
