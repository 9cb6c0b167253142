import { InvalidArgumentError, NDArray, nd } from '@mxts/core';

function isTypedArray(v: unknown): v is ArrayLike<number> {
  return ArrayBuffer.isView(v) && !(v instanceof DataView);
}

/**
 * MXNet `gluon.data.batchify.Stack` / `default_batchify_fn`: NDArrays are stacked along a
 * new first axis; numbers become a float32 array of shape (batch,); typed arrays and
 * nested number arrays a (batch, ...) array. A sample that is a JS array is a tuple
 * (Python's tuple): each field is batched on its own, giving an array of batches.
 *
 * @example
 * gluon.data.defaultBatchify([[x0, 0], [x1, 1]]); // [stack([x0, x1]), array([0, 1])]
 */
export function defaultBatchify(data: readonly unknown[]): any {
  if (data.length === 0) throw new InvalidArgumentError('batchify', 'an empty batch');
  const first = data[0];
  if (first instanceof NDArray) return nd.stack(data as NDArray[]);
  if (Array.isArray(first)) {
    const n = first.length;
    return Array.from({ length: n }, (_, k) => batchField(data.map((d) => (d as unknown[])[k])));
  }
  return batchField(data);
}

function batchField(items: readonly unknown[]): NDArray {
  const first = items[0];
  if (first instanceof NDArray) return nd.stack(items as NDArray[]);
  if (typeof first === 'number' || typeof first === 'boolean') return nd.array(items as number[]);
  if (isTypedArray(first)) {
    const len = first.length;
    const flat = new Float32Array(items.length * len);
    items.forEach((it, i) => {
      if (!isTypedArray(it) || it.length !== len) {
        throw new InvalidArgumentError(
          'batchify',
          'samples of one field must have the same length',
        );
      }
      flat.set(it as ArrayLike<number>, i * len);
    });
    return nd.array(flat, { shape: [items.length, len] });
  }
  if (Array.isArray(first)) return nd.array(items as number[][]);
  throw new InvalidArgumentError(
    'batchify',
    `cannot batch samples of type ${typeof first}; return NDArrays, numbers or arrays, or pass batchify`,
  );
}
