import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { ShapeError } from '../errors/shape-error.js';
import { disposeCreated } from '../memory/collect.js';
import { fromHost } from '../ndarray/creation.js';
import type { DType } from '../ndarray/dtype.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { normalizeAxis } from '../ndarray/shape.js';
import { checkNDArray, checkOptions } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/** Options of `topk` (MXNet's keyword arguments). */
export interface TopkOptions {
  /** The axis searched; default -1; `null` searches the flattened array. */
  axis?: number | null;
  /** How many elements; default 1; k < 1 takes them all (a full sort). */
  k?: number;
  /** 'indices' (default), 'value', 'both' ([values, indices]) or 'mask' (1 where chosen). */
  retTyp?: 'indices' | 'value' | 'both' | 'mask';
  /** The k smallest instead of the k largest; default false. */
  isAscend?: boolean;
  /** dtype of the indices; default 'float32', as MXNet. */
  dtype?: DType;
}

/**
 * MXNet `nd.topk(data, axis=-1, k=1, ret_typ='indices', is_ascend=False, dtype='float32')`:
 * the k largest (or smallest) elements along an axis, in order, ties by position. Values
 * are gathered with take, so their gradient scatters back to the chosen positions.
 *
 * @example
 * mx.nd.topk(mx.nd.array([3, 1, 2]), { k: 2, retTyp: 'value' }); // [3. 2.]
 */
export function topk(data: NDArray, options: TopkOptions & { retTyp: 'both' }): NDArray[];
export function topk(data: NDArray, options?: TopkOptions): NDArray;
export function topk(data: NDArray, options: TopkOptions = {}): NDArray | NDArray[] {
  checkNDArray('topk', 'data', data);
  checkOptions('topk', options);
  return orderBy('topk', data, options);
}

/** topk under the name of the public op that calls it (sort, argsort), for its errors. */
export function orderBy(op: string, data: NDArray, options: TopkOptions): NDArray | NDArray[] {
  const { retTyp = 'indices', isAscend = false, dtype = 'float32' } = options;
  if (!['indices', 'value', 'both', 'mask'].includes(retTyp)) {
    throw new InvalidArgumentError(
      op,
      `retTyp '${String(retTyp)}' is not 'indices', 'value', 'both' or 'mask'`,
    );
  }
  if (dtype !== 'float32' && dtype !== 'int32' && dtype !== 'float64') {
    throw new InvalidArgumentError(op, `dtype '${String(dtype)}' is not float32, int32 or float64`);
  }
  if (data.size === 0) throw new ShapeError(op, [data.shape], 'data must not be empty');
  const flat = options.axis === null;
  const x0 = flat ? null : data;
  const ndim = flat ? 1 : data.ndim;
  const axis = flat ? 0 : normalizeAxis(op, options.axis ?? -1, ndim);
  const shape = flat ? [data.size] : [...data.shape];
  const n = shape[axis];
  const k = options.k === undefined ? 1 : options.k < 1 ? n : options.k;
  if (!Number.isInteger(k) || k > n) {
    throw new InvalidArgumentError(
      op,
      `k=${options.k} must be an integer at most ${n}, the length of axis ${axis}`,
    );
  }
  return disposeCreated(() => {
    const x = x0 ?? applyOp('reshape', [data], { shape });
    // The axis goes last for the kernel, and back after.
    const last = ndim - 1;
    const perm = [...shape.keys()].filter((i) => i !== axis).concat(axis);
    const inverse = perm.map((_, i) => perm.indexOf(i));
    const moved = axis === last ? x : applyOp('transpose', [x], { axes: perm });
    const lead = moved.shape.slice(0, -1);
    const rows = lead.reduce((a, b) => a * b, 1);
    const idx = applyOp('topk', [moved], { k, ascend: isAscend });
    const back = (a: NDArray) => (axis === last ? a : applyOp('transpose', [a], { axes: inverse }));
    const indices = () => back(dtype === 'int32' ? idx : applyOp('cast', [idx], { dtype }));
    const values = () => {
      // Positions in the flattened rows: row r's element j is r*n + j.
      const offsets = Int32Array.from({ length: rows }, (_, r) => r * n);
      const rowStart = applyOp('reshape', [fromHost(offsets, [rows], data.context)], {
        shape: [...lead, 1],
      });
      const flatIdx = applyOp('broadcastAdd', [idx, rowStart], {});
      const all = applyOp('reshape', [moved], { shape: [rows * n] });
      return back(applyOp('take', [all, flatIdx], { axis: 0, mode: 'clip' }));
    };
    const mask = () => {
      const hot = applyOp('oneHot', [idx], {
        depth: n,
        onValue: 1,
        offValue: 0,
        dtype: data.dtype,
      });
      return back(applyOp('sum', [hot], { axis: [ndim - 1], keepdims: false }));
    };
    const reshapeFlat = (a: NDArray) =>
      flat && retTyp === 'mask' ? applyOp('reshape', [a], { shape: [...data.shape] }) : a;
    switch (retTyp) {
      case 'value':
        return values();
      case 'both':
        return [values(), indices()];
      case 'mask':
        return reshapeFlat(mask());
      default:
        return indices();
    }
  });
}
