import { isRecording } from '../autograd/state.js';
import { kernelRule, recordOp } from '../autograd/tape.js';
import type { KernelAttrs, KernelName } from '../backend/kernels.js';
import { ContextMismatchError } from '../errors/context-mismatch-error.js';
import { dtypeBytes } from '../ndarray/dtype.js';
import { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray, checkSize } from '../validate/check-args.js';
import { maxArrayBytes } from '../validate/max-array-bytes.js';

/**
 * Runs one primitive kernel on the inputs' backend and, under `record()`, puts it on the
 * tape with its gradient rule. Every op of `mx.nd` ends here.
 */
export function applyOp<K extends KernelName>(
  kernel: K,
  inputs: readonly NDArray[],
  attrs: KernelAttrs[K],
): NDArray {
  // The last line of defence: ops check their own arguments by the user's names first.
  for (let i = 0; i < inputs.length; i++) checkNDArray(kernel, `input ${i}`, inputs[i]);
  const ctx = inputs[0].context;
  for (let i = 1; i < inputs.length; i++) {
    if (!inputs[i].context.equals(ctx)) {
      throw new ContextMismatchError(kernel, [ctx.toString(), inputs[i].context.toString()]);
    }
  }
  const backend = inputs[0]._backend;
  const recs = inputs.map((x) => x._rec(kernel));
  const out = NDArray._wrap(backend, ctx, backend.run(kernel, recs, attrs)[0]);
  // Ops size their outputs before the kernel (checkSize); this keeps the limit an invariant
  // for any output that was not, so no array over it stays alive.
  if (out.size * dtypeBytes(out.dtype) > maxArrayBytes()) {
    const { shape, dtype } = out;
    out.dispose();
    checkSize(kernel, shape, dtype);
  }
  if (isRecording()) {
    recordOp(kernel, attrs, inputs, [out], kernelRule(kernel));
  }
  return out;
}
