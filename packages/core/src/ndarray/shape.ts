import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { ShapeError } from '../errors/shape-error.js';

/** An array shape: a list of non-negative integer dimensions. */
export type Shape = readonly number[];

/** Number of elements of a shape (1 for the 0-d shape `[]`). */
export function sizeOf(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** True when two shapes are identical. */
export function sameShape(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Checks that every dimension is a non-negative integer and returns a copy. */
export function checkShape(op: string, shape: Shape | number): number[] {
  if (typeof shape !== 'number' && !Array.isArray(shape)) {
    throw new InvalidArgumentError(
      op,
      `shape must be a list of non-negative integers, got ${shape === null ? 'null' : typeof shape}`,
    );
  }
  const s = typeof shape === 'number' ? [shape] : [...shape];
  for (const d of s) {
    if (!Number.isSafeInteger(d) || d < 0) {
      throw new InvalidArgumentError(op, `shape (${s.join(', ')}) must hold non-negative integers`);
    }
  }
  return s;
}

/** Numpy broadcasting of two shapes; throws a ShapeError naming `op` when they do not fit. */
export function broadcastShapes(op: string, a: Shape, b: Shape): number[] {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const da = a[a.length - n + i] ?? 1;
    const db = b[b.length - n + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new ShapeError(op, [a, b], 'shapes cannot be broadcast together');
    }
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/** Normalizes a possibly negative axis against `ndim`; throws when out of range. */
export function normalizeAxis(op: string, axis: number, ndim: number): number {
  if (!Number.isInteger(axis) || axis < -ndim || axis >= ndim) {
    throw new InvalidArgumentError(
      op,
      `axis ${axis} is out of range for an array of ${ndim} dimensions`,
    );
  }
  return axis < 0 ? axis + ndim : axis;
}

/** Row-major strides of a shape. */
export function stridesOf(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i];
  }
  return strides;
}
