import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { ShapeError } from '../errors/shape-error.js';
import { disposeCreated } from '../memory/collect.js';
import { fromHost } from '../ndarray/creation.js';
import { hostArray } from '../ndarray/dtype.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { broadcastShapes, normalizeAxis, sizeOf } from '../ndarray/shape.js';
import * as nd from '../ops/index.js';
import { asNpInPlace, type NpArray } from './np-array.js';
import { full } from './np-creation.js';
import { castTo, promoteTypes } from './np-dtype.js';

const np = <T extends NDArray>(fn: () => T): NpArray => asNpInPlace(disposeCreated(fn));

/**
 * MXNet `np.reshape(a, newshape)`: NumPy's reshape (one -1 may be inferred; no MXNet codes,
 * see `npx.reshape` for those).
 *
 * @example
 * mx.np.reshape(mx.np.arange(6), [2, -1]).shape; // [2, 3]
 */
export function reshape(a: NDArray, newshape: readonly number[] | number): NpArray {
  const spec = typeof newshape === 'number' ? [newshape] : [...newshape];
  const known = spec.filter((d) => d !== -1);
  if (spec.length - known.length > 1 || known.some((d) => !Number.isInteger(d) || d < 0)) {
    throw new ShapeError('reshape', [a.shape, spec], 'use non-negative sizes and at most one -1');
  }
  const rest = sizeOf(known);
  const shape = spec.map((d) => (d === -1 ? (rest === 0 ? 0 : a.size / rest) : d));
  if (sizeOf(shape) !== a.size || shape.some((d) => !Number.isInteger(d))) {
    throw new ShapeError(
      'reshape',
      [a.shape, spec],
      `cannot reshape an array of size ${a.size} into this shape`,
    );
  }
  return np(() => nd.reshape(a, { shape }));
}

/** MXNet `np.ravel(x)`: the flattened array. @example mx.np.ravel(x) */
export function ravel(x: NDArray): NpArray {
  return reshape(x, [-1]);
}

/**
 * MXNet `np.transpose(a, axes=None)`: axes permuted (reversed when omitted; a 1-d or 0-d
 * array is returned as a copy).
 *
 * @example
 * mx.np.transpose(mx.np.ones([2, 3])).shape; // [3, 2]
 */
export function transpose(a: NDArray, axes?: readonly number[] | null): NpArray {
  if (a.ndim < 2 && (axes === undefined || axes === null)) return np(() => nd.copy(a));
  const perm = axes ? axes.map((ax) => normalizeAxis('transpose', ax, a.ndim)) : undefined;
  return np(() => nd.transpose(a, perm ? { axes: perm } : {}));
}

/** MXNet `np.swapaxes(a, axis1, axis2)`. @example mx.np.swapaxes(x, 0, 1) */
export function swapaxes(a: NDArray, axis1: number, axis2: number): NpArray {
  const i = normalizeAxis('swapaxes', axis1, a.ndim);
  const j = normalizeAxis('swapaxes', axis2, a.ndim);
  const perm = Array.from({ length: a.ndim }, (_, k) => k);
  perm[i] = j;
  perm[j] = i;
  return np(() => nd.transpose(a, { axes: perm }));
}

/** MXNet `np.moveaxis(a, source, destination)` (one axis). @example mx.np.moveaxis(x, 0, -1) */
export function moveaxis(a: NDArray, source: number, destination: number): NpArray {
  const s = normalizeAxis('moveaxis', source, a.ndim);
  const d = normalizeAxis('moveaxis', destination, a.ndim);
  const perm = Array.from({ length: a.ndim }, (_, k) => k).filter((k) => k !== s);
  perm.splice(d, 0, s);
  return np(() => nd.transpose(a, { axes: perm }));
}

/** MXNet `np.expand_dims(a, axis)`. @example mx.np.expandDims(mx.np.ones([2]), 0).shape // [1, 2] */
export function expandDims(a: NDArray, axis: number): NpArray {
  const ax = normalizeAxis('expandDims', axis, a.ndim + 1);
  const shape = [...a.shape];
  shape.splice(ax, 0, 1);
  return np(() => nd.reshape(a, { shape }));
}

/** MXNet `np.squeeze(a, axis=None)`: drops length-1 axes (0-d when all go). @example mx.np.squeeze(mx.np.ones([1, 2, 1])).shape // [2] */
export function squeeze(
  a: NDArray,
  options: { axis?: number | readonly number[] | null } = {},
): NpArray {
  const ax = options.axis;
  let drop: number[];
  if (ax === undefined || ax === null) drop = a.shape.flatMap((d, i) => (d === 1 ? [i] : []));
  else {
    drop = (typeof ax === 'number' ? [ax] : [...ax]).map((i) =>
      normalizeAxis('squeeze', i, a.ndim),
    );
    for (const i of drop) {
      if (a.shape[i] !== 1) {
        throw new ShapeError(
          'squeeze',
          [a.shape],
          `cannot select an axis to squeeze out which has size not equal to one (axis ${i})`,
        );
      }
    }
  }
  const shape = a.shape.filter((_, i) => !drop.includes(i));
  return np(() => nd.reshape(a, { shape }));
}

/** The common dtype of several arrays (MXNet's np promotion). */
function commonType(arrays: readonly NDArray[]) {
  return arrays.map((x) => x.dtype).reduce(promoteTypes);
}

function checkList(op: string, arrays: readonly NDArray[]): void {
  if (arrays.length === 0) throw new InvalidArgumentError(op, 'need at least one array');
}

/**
 * MXNet `np.concatenate(seq, axis=0)`: joins arrays along an existing axis (the flattened
 * arrays when `axis` is null).
 *
 * @example
 * mx.np.concatenate([mx.np.ones([1, 2]), mx.np.zeros([2, 2])]).shape; // [3, 2]
 */
export function concatenate(
  seq: readonly NDArray[],
  options: { axis?: number | null } = {},
): NpArray {
  checkList('concatenate', seq);
  const t = commonType(seq);
  return np(() => {
    let xs = seq.map((x) => castTo(x, t));
    let axis = options.axis === undefined ? 0 : options.axis;
    if (axis === null) {
      xs = xs.map((x) => nd.reshape(x, { shape: [-1] }));
      axis = 0;
    }
    const dim = normalizeAxis('concatenate', axis, xs[0].ndim);
    return xs.length === 1 ? nd.copy(xs[0]) : nd.concat(xs, { dim });
  });
}

/** MXNet `np.stack(arrays, axis=0)`: joins arrays along a new axis. @example mx.np.stack([a, b], { axis: 1 }) */
export function stack(arrays: readonly NDArray[], options: { axis?: number } = {}): NpArray {
  checkList('stack', arrays);
  const t = commonType(arrays);
  const axis = normalizeAxis('stack', options.axis ?? 0, arrays[0].ndim + 1);
  return np(() =>
    nd.stack(
      arrays.map((x) => castTo(x, t)),
      { axis },
    ),
  );
}

/**
 * MXNet `np.split(ary, indices_or_sections, axis=0)`: equal sections (a number that divides
 * the axis) or pieces cut at the given indices.
 *
 * @example
 * mx.np.split(mx.np.arange(6), 3); // three arrays of 2
 * mx.np.split(mx.np.arange(6), [1, 4]); // lengths 1, 3, 2
 */
export function split(
  ary: NDArray,
  indicesOrSections: number | readonly number[],
  options: { axis?: number } = {},
): NpArray[] {
  const axis = normalizeAxis('split', options.axis ?? 0, ary.ndim);
  const n = ary.shape[axis];
  let cuts: number[];
  if (typeof indicesOrSections === 'number') {
    const k = indicesOrSections;
    if (!Number.isInteger(k) || k <= 0 || n % k !== 0) {
      throw new InvalidArgumentError(
        'split',
        `array split does not result in an equal division (${n} into ${k})`,
      );
    }
    cuts = Array.from({ length: k - 1 }, (_, i) => ((i + 1) * n) / k);
  } else cuts = [...indicesOrSections];
  const bounds = [0, ...cuts.map((c) => Math.min(n, Math.max(0, c < 0 ? c + n : c))), n];
  const out: NpArray[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const begin = ary.shape.map((_, k) => (k === axis ? bounds[i] : null));
    const end = ary.shape.map((_, k) => (k === axis ? Math.max(bounds[i], bounds[i + 1]) : null));
    out.push(asNpInPlace(nd.slice(ary, { begin, end })));
  }
  return out;
}

/**
 * MXNet `np.flip(m, axis=None)`: reverses the order along axes (all when omitted), as a
 * slice with step -1 (so it differentiates).
 *
 * @example
 * mx.np.flip(mx.np.arange(3)); // array([2., 1., 0.])
 */
export function flip(
  m: NDArray,
  options: { axis?: number | readonly number[] | null } = {},
): NpArray {
  const ax = options.axis;
  const axes =
    ax === undefined || ax === null
      ? m.shape.map((_, i) => i)
      : (typeof ax === 'number' ? [ax] : [...ax]).map((i) => normalizeAxis('flip', i, m.ndim));
  if (m.ndim === 0) return np(() => nd.copy(m));
  const none = m.shape.map(() => null);
  const step = m.shape.map((_, i) => (axes.includes(i) ? -1 : 1));
  return np(() => nd.slice(m, { begin: none, end: none, step }));
}

/** MXNet `np.tile(A, reps)`. @example mx.np.tile(mx.np.arange(2), [2, 2]).shape // [2, 4] */
export function tile(a: NDArray, reps: number | readonly number[]): NpArray {
  const r = typeof reps === 'number' ? [reps] : [...reps];
  return np(() => nd.tile(a.ndim === 0 ? nd.reshape(a, { shape: [1] }) : a, { reps: r }));
}

/** MXNet `np.repeat(a, repeats, axis=None)`: repeats each element (of the flattened array when no axis). @example mx.np.repeat(x, 2) */
export function repeat(
  a: NDArray,
  repeats: number,
  options: { axis?: number | null } = {},
): NpArray {
  if (options.axis === undefined || options.axis === null) {
    return np(() => nd.repeat(nd.reshape(a, { shape: [-1] }), { repeats, axis: 0 }));
  }
  const axis = normalizeAxis('repeat', options.axis, a.ndim);
  return np(() => nd.repeat(a, { repeats, axis }));
}

/**
 * MXNet `np.broadcast_to(array, shape)`: NumPy broadcasting, which may add leading axes.
 * @example mx.np.broadcastTo(mx.np.arange(3), [2, 3]).shape // [2, 3]
 */
export function broadcastTo(a: NDArray, shape: readonly number[]): NpArray {
  const target = [...shape];
  if (
    target.length < a.ndim ||
    broadcastShapes('broadcastTo', a.shape, target).some((d, i) => d !== target[i])
  ) {
    throw new ShapeError(
      'broadcastTo',
      [a.shape, target],
      'operands could not be broadcast to the requested shape',
    );
  }
  return np(() => {
    const lifted =
      target.length === a.ndim
        ? a
        : nd.reshape(a, {
            shape: [...target.slice(0, target.length - a.ndim).map(() => 1), ...a.shape],
          });
    return nd.broadcastTo(lifted, { shape: target });
  });
}

/**
 * MXNet `np.where(condition, x, y)`: x where condition is nonzero, else y, all three
 * broadcast together.
 *
 * @example
 * mx.np.where(mx.np.array([1, 0]), mx.np.array([1, 2]), mx.np.array([3, 4])); // array([1., 4.])
 */
export function where(condition: NDArray, x: NDArray | number, y: NDArray | number): NpArray {
  const ref = typeof x === 'number' ? (typeof y === 'number' ? condition : y) : x;
  const t =
    typeof x !== 'number' && typeof y !== 'number' ? promoteTypes(x.dtype, y.dtype) : ref.dtype;
  return np(() => {
    const xa =
      typeof x === 'number' ? full(ref.shape, x, { dtype: t, ctx: ref.context }) : castTo(x, t);
    const ya =
      typeof y === 'number' ? full(ref.shape, y, { dtype: t, ctx: ref.context }) : castTo(y, t);
    const shape = [condition.shape, xa.shape, ya.shape].reduce((s, u) =>
      broadcastShapes('where', s, u),
    );
    const c = castTo(broadcastTo(condition, shape), t);
    return nd.where(c, broadcastTo(xa, shape), broadcastTo(ya, shape));
  });
}

/**
 * MXNet `np.clip(a, a_min, a_max)`: limits values; either bound may be null.
 * @example mx.np.clip(x, 0, null)
 */
export function clip(a: NDArray, aMin: number | null, aMax: number | null): NpArray {
  if (aMin === null && aMax === null) {
    throw new InvalidArgumentError('clip', 'one of aMin or aMax must be given');
  }
  return np(() => nd.clip(a, aMin ?? -Infinity, aMax ?? Infinity));
}

/** At least `n` dimensions, adding leading (or, for `dstack`, trailing) axes of length 1. */
function atLeast(x: NDArray, n: number): NDArray {
  if (x.ndim >= n) return x;
  if (n === 3)
    return nd.reshape(x, {
      shape: x.ndim === 0 ? [1, 1, 1] : x.ndim === 1 ? [1, x.shape[0], 1] : [...x.shape, 1],
    });
  return nd.reshape(x, { shape: [...new Array(n - x.ndim).fill(1), ...x.shape] });
}

/** MXNet `np.vstack(tup)` (`row_stack`): rows on top of each other (1-d arrays become rows). @example mx.np.vstack([a, b]) */
export function vstack(tup: readonly NDArray[]): NpArray {
  return np(() =>
    concatenate(
      tup.map((x) => atLeast(x, 2)),
      { axis: 0 },
    ),
  );
}
/** MXNet `np.row_stack(tup)`. @example mx.np.rowStack([a, b]) */
export const rowStack = vstack;

/** MXNet `np.hstack(tup)`: along the second axis (the first for 1-d arrays). @example mx.np.hstack([a, b]) */
export function hstack(tup: readonly NDArray[]): NpArray {
  checkList('hstack', tup);
  return np(() =>
    concatenate(
      tup.map((x) => atLeast(x, 1)),
      { axis: tup[0].ndim <= 1 ? 0 : 1 },
    ),
  );
}

/** MXNet `np.dstack(tup)`: along the third axis. @example mx.np.dstack([a, b]) */
export function dstack(tup: readonly NDArray[]): NpArray {
  return np(() =>
    concatenate(
      tup.map((x) => atLeast(x, 3)),
      { axis: 2 },
    ),
  );
}

/** MXNet `np.column_stack(tup)`: 1-d arrays as columns of a 2-d array. @example mx.np.columnStack([a, b]) */
export function columnStack(tup: readonly NDArray[]): NpArray {
  return np(() =>
    concatenate(
      tup.map((x) => (x.ndim < 2 ? nd.reshape(x, { shape: [x.size, 1] }) : x)),
      { axis: 1 },
    ),
  );
}

/** MXNet `np.flipud(m)`: the first axis reversed. @example mx.np.flipud(x) */
export function flipud(m: NDArray): NpArray {
  return flip(m, { axis: 0 });
}

/** MXNet `np.fliplr(m)`: the second axis reversed. @example mx.np.fliplr(x) */
export function fliplr(m: NDArray): NpArray {
  return flip(m, { axis: 1 });
}

/**
 * MXNet `np.array_split(ary, indices_or_sections, axis=0)`: like `split`, but `n` sections
 * need not divide the axis (the first `len % n` pieces get one more).
 *
 * @example
 * mx.np.arraySplit(mx.np.arange(5), 2); // lengths 3 and 2
 */
export function arraySplit(
  ary: NDArray,
  indicesOrSections: number | readonly number[],
  options: { axis?: number } = {},
): NpArray[] {
  if (typeof indicesOrSections !== 'number') return split(ary, indicesOrSections, options);
  const k = indicesOrSections;
  if (!Number.isInteger(k) || k <= 0) {
    throw new InvalidArgumentError(
      'arraySplit',
      `number sections must be larger than 0 (got ${k})`,
    );
  }
  const n = ary.shape[normalizeAxis('arraySplit', options.axis ?? 0, ary.ndim)];
  const base = Math.floor(n / k);
  const extra = n % k;
  const cuts: number[] = [];
  let at = 0;
  for (let i = 0; i < k - 1; i++) {
    at += base + (i < extra ? 1 : 0);
    cuts.push(at);
  }
  return split(ary, cuts, options);
}

/** MXNet `np.hsplit(ary, indices_or_sections)`: `split` along the second axis (the first for 1-d). @example mx.np.hsplit(x, 2) */
export function hsplit(ary: NDArray, indicesOrSections: number | readonly number[]): NpArray[] {
  return split(ary, indicesOrSections, { axis: ary.ndim > 1 ? 1 : 0 });
}

/** MXNet `np.vsplit(ary, indices_or_sections)`: `split` along the first axis. @example mx.np.vsplit(x, 2) */
export function vsplit(ary: NDArray, indicesOrSections: number | readonly number[]): NpArray[] {
  if (ary.ndim < 2)
    throw new InvalidArgumentError('vsplit', 'vsplit only works on arrays of 2 or more dimensions');
  return split(ary, indicesOrSections, { axis: 0 });
}

/**
 * MXNet `np.take(a, indices, axis=None, mode='clip')`: elements (of the flattened array
 * when `axis` is omitted) at integer indices; differentiable in `a`.
 *
 * @example
 * mx.np.take(mx.np.arange(5), mx.np.array([4, 0])); // array([4., 0.])
 */
export function take(
  a: NDArray,
  indices: NDArray,
  options: { axis?: number | null; mode?: 'clip' | 'wrap' } = {},
): NpArray {
  const mode = options.mode ?? 'clip';
  return np(() => {
    const idx = castTo(indices, 'int32');
    if (options.axis === undefined || options.axis === null) {
      return nd.take(nd.reshape(a, { shape: [-1] }), idx, { axis: 0, mode });
    }
    return nd.take(a, idx, { axis: normalizeAxis('take', options.axis, a.ndim), mode });
  });
}

/**
 * MXNet `np.tril(m, k=0)`: zeros above the k-th diagonal of the last two axes (a product
 * with a constant mask, so it differentiates).
 *
 * @example
 * mx.np.tril(mx.np.ones([3, 3])); // lower triangle of ones
 */
export function tril(m: NDArray, k = 0): NpArray {
  if (m.ndim < 2) throw new InvalidArgumentError('tril', 'the input needs at least 2 dimensions');
  const rows = m.shape[m.ndim - 2];
  const cols = m.shape[m.ndim - 1];
  const v = hostArray(m.dtype, rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j <= Math.min(cols - 1, i + k); j++) v[i * cols + j] = 1;
  }
  return np(() => nd.multiply(m, broadcastTo(fromHost(v, [rows, cols], m.context), m.shape)));
}

/**
 * MXNet `np.diff(a, n=1, axis=-1)`: the n-th discrete difference along an axis, composed of
 * slices (so it differentiates).
 *
 * @example
 * mx.np.diff(mx.np.array([1, 4, 9, 16])); // array([3., 5., 7.])
 */
export function diff(a: NDArray, n = 1, options: { axis?: number } = {}): NpArray {
  const axis = normalizeAxis('diff', options.axis ?? -1, a.ndim);
  if (!Number.isInteger(n) || n < 0)
    throw new InvalidArgumentError('diff', `order must be non-negative (got ${n})`);
  return np(() => {
    let x: NDArray = a;
    for (let i = 0; i < n; i++) {
      const none = x.shape.map(() => null);
      const hi = none.map((v, k) => (k === axis ? 1 : v));
      const lo = none.map((v, k) => (k === axis ? -1 : v));
      x = nd.subtract(nd.slice(x, { begin: hi, end: none }), nd.slice(x, { begin: none, end: lo }));
    }
    return x === a ? nd.copy(a) : x;
  });
}

/** MXNet `np.shape(a)`: the dimensions. @example mx.np.shape(mx.np.ones([2, 3])) // [2, 3] */
export function shape(a: NDArray): readonly number[] {
  return a.shape;
}

/** MXNet `np.ediff1d(ary)`: differences of the flattened array. @example mx.np.ediff1d(mx.np.array([1, 2, 4])) // array([1., 2.]) */
export function ediff1d(ary: NDArray): NpArray {
  return np(() => diff(nd.reshape(ary, { shape: [-1] })));
}

/**
 * MXNet `np.rot90(m, k=1, axes=(0, 1))`: rotated by 90° k times in the plane of `axes`
 * (flips and transposes, so it differentiates).
 *
 * @example
 * mx.np.rot90(mx.np.array([[1, 2], [3, 4]])); // array([[2., 4.], [1., 3.]])
 */
export function rot90(
  m: NDArray,
  k = 1,
  options: { axes?: readonly [number, number] } = {},
): NpArray {
  const [a0, a1] = (options.axes ?? [0, 1]).map((a) => normalizeAxis('rot90', a, m.ndim));
  if (a0 === a1) throw new InvalidArgumentError('rot90', 'axes must be different');
  const turns = ((k % 4) + 4) % 4;
  return np(() => {
    if (turns === 0) return nd.copy(m);
    if (turns === 2) return flip(m, { axis: [a0, a1] });
    const perm = m.shape.map((_, i) => i);
    perm[a0] = a1;
    perm[a1] = a0;
    return turns === 1
      ? nd.transpose(flip(m, { axis: a1 }), { axes: perm })
      : flip(nd.transpose(m, { axes: perm }), { axis: a1 });
  });
}
