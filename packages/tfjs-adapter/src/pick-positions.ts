const size = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/**
 * Where each row of `pick` starts in data of `shape`: with the data seen as (P, n, Q) around
 * `axis` and the index as (P, Q) rows, row r = p*Q + q starts at p*n*Q + q; its element j
 * along the axis is at that offset + j*Q.
 *
 * @example
 * pickRowOffsets([2, 3], 1); // Int32Array [0, 3]
 */
export function pickRowOffsets(shape: readonly number[], axis: number): Int32Array {
  const n = shape[axis];
  const q = size(shape.slice(axis + 1));
  const rows = size(shape.slice(0, axis)) * q;
  const base = new Int32Array(rows);
  for (let r = 0; r < rows; r++) base[r] = (r - (r % q)) * n + (r % q);
  return base;
}

/**
 * The flat positions `pick` reads in data of `shape` (and its gradient writes), for index
 * values on the host: each clipped into [0, n), truncated toward zero, NaN as 0, as the
 * adapter's Clip + Cast and MXNet's pick in mode 'clip'. For engines that pick on the host.
 *
 * @example
 * hostPickPositions([2, 3], 1, [2, -1]); // Int32Array [2, 3]
 */
export function hostPickPositions(
  shape: readonly number[],
  axis: number,
  index: ArrayLike<number>,
): Int32Array {
  const n = shape[axis];
  const q = size(shape.slice(axis + 1));
  const at = pickRowOffsets(shape, axis);
  for (let r = 0; r < at.length; r++) {
    const v = index[r];
    at[r] += (v >= n - 1 ? n - 1 : v > 0 ? Math.trunc(v) : 0) * q;
  }
  return at;
}
