/**
 * A float64 array on the host: what the plain-JS references take and return. Kept apart
 * from NDArray on purpose, so no reference can lean on the code it checks.
 */
export interface RefArray {
  readonly shape: readonly number[];
  readonly values: Float64Array;
}

/** Builds a RefArray, checking the values fill the shape. */
export function refArray(shape: readonly number[], values: ArrayLike<number>): RefArray {
  const n = sizeOf(shape);
  if (values.length !== n) {
    throw new Error(`refArray: ${values.length} values do not fill shape (${shape.join(', ')})`);
  }
  return { shape: [...shape], values: Float64Array.from(values) };
}

/** The number of elements of a shape. */
export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Row-major strides of a shape. */
export function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i];
  }
  return strides;
}

/** The multi-index of a flat (row-major) position. */
export function unravel(flat: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length);
  for (let i = shape.length - 1; i >= 0; i--) {
    idx[i] = flat % shape[i];
    flat = Math.floor(flat / shape[i]);
  }
  return idx;
}

/** The flat (row-major) position of a multi-index. */
export function ravel(idx: readonly number[], shape: readonly number[]): number {
  let flat = 0;
  for (let i = 0; i < shape.length; i++) flat = flat * shape[i] + idx[i];
  return flat;
}

/** A RefArray of `shape` whose element at each multi-index is `f(index)`. */
export function generate(shape: readonly number[], f: (idx: number[]) => number): RefArray {
  const n = sizeOf(shape);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = f(unravel(i, shape));
  return { shape: [...shape], values };
}
