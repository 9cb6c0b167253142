import { generate, type RefArray, ravel, sizeOf } from '../ref-array.js';
import { broadcastRead } from './elementwise.js';

/** The same values under a new shape. */
export function reshapeRef(x: RefArray, shape: readonly number[]): RefArray {
  if (sizeOf(shape) !== x.values.length) throw new Error(`reshape to (${shape}) changes size`);
  return { shape: [...shape], values: x.values.slice() };
}

/** Axes permuted: output axis i is input axis axes[i]. */
export function transposeRef(x: RefArray, axes: readonly number[]): RefArray {
  const shape = axes.map((a) => x.shape[a]);
  return generate(shape, (idx) => {
    const src = new Array<number>(axes.length);
    axes.forEach((a, i) => {
      src[a] = idx[i];
    });
    return x.values[ravel(src, x.shape)];
  });
}

/** Python's `slice(begin, end, step).indices(dim)`: the positions one axis keeps. */
export function slicePositions(
  dim: number,
  begin: number | null,
  end: number | null,
  step: number,
): number[] {
  const clampB = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  let b: number;
  let e: number;
  if (step > 0) {
    b = begin === null ? 0 : clampB(begin < 0 ? begin + dim : begin, 0, dim);
    e = end === null ? dim : clampB(end < 0 ? end + dim : end, 0, dim);
  } else {
    b = begin === null ? dim - 1 : clampB(begin < 0 ? begin + dim : begin, -1, dim - 1);
    e = end === null ? -1 : clampB(end < 0 ? end + dim : end, -1, dim - 1);
  }
  const out: number[] = [];
  for (let i = b; step > 0 ? i < e : i > e; i += step) out.push(i);
  return out;
}

/** A strided sub-array: `positions[i]` lists the kept indices of axis i. */
export function gatherRef(x: RefArray, positions: readonly (readonly number[])[]): RefArray {
  const shape = positions.map((p) => p.length);
  return generate(
    shape,
    (idx) =>
      x.values[
        ravel(
          idx.map((j, i) => positions[i][j]),
          x.shape,
        )
      ],
  );
}

/** Arrays joined along `axis`. */
export function concatRef(xs: readonly RefArray[], axis: number): RefArray {
  const shape = [...xs[0].shape];
  shape[axis] = xs.reduce((n, x) => n + x.shape[axis], 0);
  const starts: number[] = [];
  let offset = 0;
  for (const x of xs) {
    starts.push(offset);
    offset += x.shape[axis];
  }
  return generate(shape, (idx) => {
    let k = xs.length - 1;
    while (starts[k] > idx[axis]) k--;
    const src = [...idx];
    src[axis] -= starts[k];
    return xs[k].values[ravel(src, xs[k].shape)];
  });
}

/** numpy's `tile`: the whole array repeated `reps` times along each axis. */
export function tileRef(x: RefArray, reps: readonly number[]): RefArray {
  const ndim = Math.max(x.shape.length, reps.length);
  const xs = [...new Array(ndim - x.shape.length).fill(1), ...x.shape];
  const rs = [...new Array(ndim - reps.length).fill(1), ...reps];
  return generate(
    xs.map((d, i) => d * rs[i]),
    (idx) =>
      x.values[
        ravel(
          idx.map((j, i) => j % xs[i]),
          xs,
        )
      ],
  );
}

/** numpy's `repeat`: each element repeated along `axis` (the flat array when undefined). */
export function repeatRef(x: RefArray, repeats: number, axis?: number): RefArray {
  const src = axis === undefined ? reshapeRef(x, [x.values.length]) : x;
  const a = axis === undefined ? 0 : axis < 0 ? axis + x.shape.length : axis;
  const shape = src.shape.map((d, i) => (i === a ? d * repeats : d));
  return generate(shape, (idx) => {
    const s = [...idx];
    s[a] = Math.floor(s[a] / repeats);
    return src.values[ravel(s, src.shape)];
  });
}

/** `x` broadcast to `shape` (numpy rules). */
export function broadcastToRef(x: RefArray, shape: readonly number[]): RefArray {
  return generate(shape, (idx) => broadcastRead(x, idx));
}

/**
 * MXNet's `take`: slices of `a` along `axis` at `indices`, which are truncated to integers
 * and then clipped into range or wrapped (Python-style modulo).
 */
export function takeRef(
  a: RefArray,
  indices: RefArray,
  axis: number,
  mode: 'clip' | 'wrap',
): RefArray {
  const n = a.shape[axis];
  const fix = (v: number): number => {
    const j = Math.trunc(v);
    return mode === 'clip' ? Math.min(n - 1, Math.max(0, j)) : ((j % n) + n) % n;
  };
  const shape = [...a.shape.slice(0, axis), ...indices.shape, ...a.shape.slice(axis + 1)];
  const k = indices.shape.length;
  return generate(shape, (idx) => {
    const which = indices.values[ravel(idx.slice(axis, axis + k), indices.shape)];
    const src = [...idx.slice(0, axis), fix(which), ...idx.slice(axis + k)];
    return a.values[ravel(src, a.shape)];
  });
}
