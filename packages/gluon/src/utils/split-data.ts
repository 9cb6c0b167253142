import { InvalidArgumentError, type NDArray, nd } from '@mxts/core';

/** Options of {@link splitData} and `splitAndLoad`. */
export interface SplitOptions {
  /** The axis to slice along; default 0. */
  batchAxis?: number;
  /** Require equal slices (default true); false gives the first ones one more element. */
  evenSplit?: boolean;
}

/**
 * MXNet `gluon.utils.split_data(data, num_slice, batch_axis=0, even_split=True)`: splits a
 * batch into `numSlice` slices along `batchAxis` (a list even for 1).
 *
 * @example
 * gluon.utils.splitData(mx.nd.ones([6, 2]), 3).map((s) => s.shape); // [[2, 2], [2, 2], [2, 2]]
 */
export function splitData(data: NDArray, numSlice: number, options: SplitOptions = {}): NDArray[] {
  const { batchAxis = 0, evenSplit = true } = options;
  if (!Number.isInteger(numSlice) || numSlice < 1) {
    throw new InvalidArgumentError(
      'splitData',
      `numSlice must be a positive integer, got ${numSlice}`,
    );
  }
  if (!Number.isInteger(batchAxis) || batchAxis < 0 || batchAxis >= data.ndim) {
    throw new InvalidArgumentError(
      'splitData',
      `batchAxis ${batchAxis} is out of range for ${data.ndim} axes`,
    );
  }
  const size = data.shape[batchAxis];
  if (evenSplit && size % numSlice !== 0) {
    throw new InvalidArgumentError(
      'splitData',
      `data with shape (${data.shape.join(', ')}) cannot be evenly split into ${numSlice} slices along axis ${batchAxis}. Use a batch size that's multiple of ${numSlice} or set evenSplit: false to allow uneven partitioning of data.`,
    );
  }
  if (numSlice === 1) return [data];
  const each = Math.floor(size / numSlice);
  const extras = size % numSlice;
  const out: NDArray[] = [];
  let begin = 0;
  for (let i = 0; i < numSlice; i++) {
    const end = begin + each + (i < extras ? 1 : 0);
    out.push(nd.sliceAxis(data, { axis: batchAxis, begin, end }));
    begin = end;
  }
  return out;
}
