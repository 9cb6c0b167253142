import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { ShapeError } from '../errors/shape-error.js';
import { disposeCreated } from '../memory/collect.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { broadcastShapes, normalizeAxis, sizeOf } from '../ndarray/shape.js';
import * as nd from '../ops/index.js';
import { asNpInPlace, type NpArray } from './np-array.js';
import { castTo, promoteTypes } from './np-dtype.js';
import { broadcastTo } from './np-shape.js';

const np = <T extends NDArray>(fn: () => T): NpArray => asNpInPlace(disposeCreated(fn));

/** Both operands in their common dtype. */
function common(a: NDArray, b: NDArray): [NDArray, NDArray] {
  const t = promoteTypes(a.dtype, b.dtype);
  return [castTo(a, t), castTo(b, t)];
}

/**
 * MXNet `np.dot(a, b)`: a 0-d operand multiplies; otherwise the sum product over the last
 * axis of `a` and the first of `b` when `b` has 1 or 2 dimensions, else its second-to-last
 * (NumPy's rule, which MXNet's kernel follows); two vectors give a 0-d array.
 *
 * @example
 * const x = mx.np.arange(4);
 * mx.np.dot(x, x); // array(14.)
 */
export function dot(a: NDArray, b: NDArray): NpArray {
  if (a.ndim > 0 && b.ndim >= 3) return tensordot(a, b, [[a.ndim - 1], [b.ndim - 2]]);
  if (a.ndim > 0 && b.ndim > 0 && a.shape[a.ndim - 1] !== b.shape[0]) {
    throw new ShapeError(
      'dot',
      [a.shape, b.shape],
      'the last axis of a must match the first axis of b',
    );
  }
  return np(() => {
    const [x, y] = common(a, b);
    if (x.ndim === 0 || y.ndim === 0) return nd.multiply(x, y);
    const r = nd.dot(x, y);
    return x.ndim === 1 && y.ndim === 1 ? nd.reshape(r, { shape: [] }) : r;
  });
}

/**
 * MXNet `np.matmul(a, b)`: matrix products over the last two axes, broadcasting the leading
 * (batch) axes; a 1-d operand is a row (for `a`) or a column (for `b`) that is then dropped.
 *
 * @example
 * mx.np.matmul(mx.np.ones([5, 2, 3]), mx.np.ones([3, 4])).shape; // [5, 2, 4]
 */
export function matmul(a: NDArray, b: NDArray): NpArray {
  if (a.ndim === 0 || b.ndim === 0) {
    throw new InvalidArgumentError(
      'matmul',
      'operands must have at least one dimension (use multiply for scalars)',
    );
  }
  const as = a.ndim === 1 ? [1, a.shape[0]] : [...a.shape];
  const bs = b.ndim === 1 ? [b.shape[0], 1] : [...b.shape];
  const k = as[as.length - 1];
  if (k !== bs[bs.length - 2]) {
    throw new ShapeError(
      'matmul',
      [a.shape, b.shape],
      `the last axis of a (${k}) must match the second-to-last axis of b`,
    );
  }
  const batch = broadcastShapes('matmul', as.slice(0, -2), bs.slice(0, -2));
  const n = as[as.length - 2];
  const m = bs[bs.length - 1];
  const outShape = [...batch, ...(a.ndim === 1 ? [] : [n]), ...(b.ndim === 1 ? [] : [m])];
  return np(() => {
    let [x, y] = common(a, b);
    x = nd.reshape(x, { shape: as });
    y = nd.reshape(y, { shape: bs });
    if (batch.length === 0) return nd.reshape(nd.dot(x, y), { shape: outShape });
    const nb = sizeOf(batch);
    const xb = nd.reshape(broadcastTo(x, [...batch, n, k]), { shape: [nb, n, k] });
    const yb = nd.reshape(broadcastTo(y, [...batch, k, m]), { shape: [nb, k, m] });
    return nd.reshape(nd.batchDot(xb, yb), { shape: outShape });
  });
}

/**
 * MXNet `np.tensordot(a, b, axes=2)`: the sum product over the last `axes` axes of `a` and
 * the first of `b`, or over the listed axis pairs.
 *
 * @example
 * mx.np.tensordot(mx.np.ones([2, 3, 4]), mx.np.ones([3, 4, 5])).shape; // [2, 5]
 * mx.np.tensordot(a, b, [[1], [0]]);
 */
export function tensordot(
  a: NDArray,
  b: NDArray,
  axes: number | readonly [readonly number[], readonly number[]] = 2,
): NpArray {
  let ia: number[];
  let ib: number[];
  if (typeof axes === 'number') {
    ia = Array.from({ length: axes }, (_, i) => a.ndim - axes + i);
    ib = Array.from({ length: axes }, (_, i) => i);
  } else {
    ia = axes[0].map((i) => normalizeAxis('tensordot', i, a.ndim));
    ib = axes[1].map((i) => normalizeAxis('tensordot', i, b.ndim));
  }
  if (ia.length !== ib.length || ia.some((i, k) => a.shape[i] !== b.shape[ib[k]])) {
    throw new ShapeError(
      'tensordot',
      [a.shape, b.shape],
      'shape-mismatch for sum over the given axes',
    );
  }
  const freeA = a.shape.map((_, i) => i).filter((i) => !ia.includes(i));
  const freeB = b.shape.map((_, i) => i).filter((i) => !ib.includes(i));
  const kk = sizeOf(ia.map((i) => a.shape[i]));
  const outShape = [...freeA.map((i) => a.shape[i]), ...freeB.map((i) => b.shape[i])];
  return np(() => {
    const [x, y] = common(a, b);
    const xt = nd.reshape(nd.transpose(x, { axes: [...freeA, ...ia] }), { shape: [-1, kk] });
    const yt = nd.reshape(nd.transpose(y, { axes: [...ib, ...freeB] }), { shape: [kk, -1] });
    return nd.reshape(nd.dot(xt, yt), { shape: outShape });
  });
}

/**
 * MXNet `np.einsum(subscripts, *operands)`: Einstein summation, composed as a broadcast
 * product of the operands laid out on all letters, summed over the letters that are not in
 * the output. A letter repeated within one operand (traces, diagonals) is not supported.
 *
 * @example
 * mx.np.einsum('ij,jk->ik', a, b); // matmul
 * mx.np.einsum('i,i', x, x);       // dot, 0-d
 */
export function einsum(subscripts: string, ...operands: NDArray[]): NpArray {
  const spec = subscripts.replace(/\s/g, '');
  const [lhs, rhs] = spec.includes('->') ? spec.split('->') : [spec, null];
  const inputs = lhs.split(',');
  if (inputs.length !== operands.length) {
    throw new InvalidArgumentError(
      'einsum',
      `${inputs.length} operand subscripts for ${operands.length} operands`,
    );
  }
  const sizes = new Map<string, number>();
  const counts = new Map<string, number>();
  inputs.forEach((s, k) => {
    if (!/^[a-zA-Z]*$/.test(s) || s.length !== operands[k].ndim || new Set(s).size !== s.length) {
      throw new InvalidArgumentError(
        'einsum',
        `subscripts '${s}' must name each of operand ${k}'s ${operands[k].ndim} axes once (no ellipsis or repeats)`,
      );
    }
    [...s].forEach((c, i) => {
      const d = operands[k].shape[i];
      const prev = sizes.get(c);
      if (prev !== undefined && prev !== d && prev !== 1 && d !== 1) {
        throw new ShapeError(
          'einsum',
          operands.map((o) => o.shape),
          `axis '${c}' has sizes ${prev} and ${d}`,
        );
      }
      sizes.set(c, Math.max(prev ?? 1, d));
      counts.set(c, (counts.get(c) ?? 0) + 1);
    });
  });
  const out =
    rhs ??
    [...counts.keys()]
      .filter((c) => counts.get(c) === 1)
      .sort()
      .join('');
  const letters = [...out, ...[...sizes.keys()].filter((c) => !out.includes(c))];
  return np(() => {
    const t = operands.map((o) => o.dtype).reduce(promoteTypes);
    let prod: NDArray | null = null;
    operands.forEach((o, k) => {
      const s = inputs[k];
      const present = letters.filter((c) => s.includes(c));
      const moved =
        present.length > 1
          ? nd.transpose(castTo(o, t), { axes: present.map((c) => s.indexOf(c)) })
          : castTo(o, t);
      const lifted = nd.reshape(moved, {
        shape: letters.map((c) => (s.includes(c) ? o.shape[s.indexOf(c)] : 1)),
      });
      prod = prod === null ? lifted : nd.multiply(prod, lifted);
    });
    let r = prod as unknown as NDArray;
    const summed = letters.map((_, i) => i).filter((i) => i >= out.length);
    if (summed.length > 0) r = nd.sum(r, { axis: summed });
    return nd.reshape(r, { shape: [...out].map((c) => sizes.get(c) as number) });
  });
}

/** Options of `linalg.norm`. */
export interface NpNormOptions {
  /** 'fro' (default, the 2-norm of the flattened values), 1 or 2 for vector norms. */
  ord?: 'fro' | 1 | 2 | null;
  axis?: number | readonly number[] | null;
  keepdims?: boolean;
}

/**
 * MXNet `np.linalg.norm(x, ord=None, axis=None, keepdims=False)`: the Frobenius / 2-norm
 * (sqrt of the sum of squares) or, with `ord: 1` along a vector axis, the sum of absolute
 * values; a 0-d array when every axis is reduced.
 *
 * @example
 * mx.np.linalg.norm(mx.np.ones([4, 9])); // array(6.)
 */
export function norm(x: NDArray, options: NpNormOptions = {}): NpArray {
  const ord = options.ord ?? 'fro';
  const ax = options.axis;
  const axes =
    ax === undefined || ax === null
      ? x.shape.map((_, i) => i)
      : (typeof ax === 'number' ? [ax] : [...ax]).map((i) => normalizeAxis('norm', i, x.ndim));
  if (ord === 1 && axes.length !== 1) {
    throw new InvalidArgumentError(
      'linalg.norm',
      'ord 1 is supported for a vector norm (one axis); MXTS has no matrix 1-norm yet',
    );
  }
  const keepdims = options.keepdims ?? false;
  const shape = keepdims
    ? x.shape.map((d, i) => (axes.includes(i) ? 1 : d))
    : x.shape.filter((_, i) => !axes.includes(i));
  return np(() => {
    const xf = castTo(x, x.dtype === 'int32' ? 'float32' : x.dtype);
    const r =
      ord === 1
        ? nd.sum(nd.abs(xf), { axis: axes, keepdims })
        : nd.sqrt(nd.sum(nd.square(xf), { axis: axes, keepdims }));
    return nd.reshape(r, { shape });
  });
}

/** MXNet `np.vdot(a, b)`: the dot product of the flattened arrays, 0-d. @example mx.np.vdot(a, b) */
export function vdot(a: NDArray, b: NDArray): NpArray {
  if (a.size !== b.size)
    throw new ShapeError('vdot', [a.shape, b.shape], 'the arrays must have the same size');
  return np(() => {
    const [x, y] = common(a, b);
    return nd.reshape(
      nd.sum(nd.multiply(nd.reshape(x, { shape: [-1] }), nd.reshape(y, { shape: [-1] }))),
      { shape: [] },
    );
  });
}

/** MXNet `np.inner(a, b)`: the sum product over the last axes of both. @example mx.np.inner(a, b) */
export function inner(a: NDArray, b: NDArray): NpArray {
  if (a.ndim === 0 || b.ndim === 0) return np(() => nd.multiply(...common(a, b)));
  return tensordot(a, b, [[a.ndim - 1], [b.ndim - 1]]);
}

/** MXNet `np.outer(a, b)`: every product of the flattened arrays, (a.size, b.size). @example mx.np.outer(a, b) */
export function outer(a: NDArray, b: NDArray): NpArray {
  return np(() => {
    const [x, y] = common(a, b);
    return nd.multiply(nd.reshape(x, { shape: [-1, 1] }), nd.reshape(y, { shape: [1, -1] }));
  });
}
