import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { ShapeError } from '../errors/shape-error.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { sizeOf } from '../ndarray/shape.js';
import { checkIntList, checkNDArray, checkRequiredOptions } from '../validate/check-args.js';
import { applyOp } from './apply-op.js';

/** Options of `reshape`. */
export interface ReshapeOptions {
  /** Target shape with MXNet's codes 0, -1, -2, -3, -4. */
  shape?: readonly number[];
  /** Apply the codes right to left; MXNet's `reverse`. */
  reverse?: boolean;
}

/** Resolves MXNet's reshape codes against an input shape. */
export function resolveReshape(
  src: readonly number[],
  codes: readonly number[],
  reverse = false,
): number[] {
  const fail = (why: string): never => {
    throw new ShapeError('reshape', [src, codes], why);
  };
  const input = reverse ? [...src].reverse() : [...src];
  const spec = reverse ? [...codes].reverse() : [...codes];
  const out: number[] = [];
  let infer = -1;
  let i = 0; // position in input
  for (let k = 0; k < spec.length; k++) {
    const c = spec[k];
    if (c > 0) {
      out.push(c);
      i++;
    } else if (c === 0) {
      if (i >= input.length) fail('code 0 has no input dimension to copy');
      out.push(input[i++]);
    } else if (c === -1) {
      if (infer >= 0) fail('only one -1 is allowed');
      infer = out.length;
      out.push(1);
      i++;
    } else if (c === -2) {
      while (i < input.length) out.push(input[i++]);
    } else if (c === -3) {
      if (i + 1 >= input.length) fail('code -3 needs two input dimensions');
      out.push(input[i] * input[i + 1]);
      i += 2;
    } else if (c === -4) {
      if (reverse) fail('code -4 is not supported with reverse');
      if (i >= input.length || k + 2 >= spec.length)
        fail('code -4 needs an input dimension and two values');
      const d = input[i++];
      let a = spec[++k];
      let b = spec[++k];
      if (a === -1) a = d / b;
      if (b === -1) b = d / a;
      if (a * b !== d || !Number.isInteger(a)) fail(`code -4 cannot split ${d} into ${a} x ${b}`);
      out.push(a, b);
    } else fail(`unknown reshape code ${c}`);
  }
  if (infer >= 0) {
    const known = out.reduce((p, d, j) => (j === infer ? p : p * d), 1);
    out[infer] = known === 0 ? 0 : sizeOf(input) / known;
  }
  const shape = reverse ? out.reverse() : out;
  if (sizeOf(shape) !== sizeOf(src) || shape.some((d) => !Number.isInteger(d))) {
    fail('the new shape must have as many elements as the input');
  }
  return shape;
}

/**
 * MXNet `nd.reshape(data, shape, reverse=False)`, with MXNet's special codes:
 * 0 copies a dimension, -1 infers one, -2 copies the rest, -3 merges two, -4 splits one.
 *
 * @example
 * mx.nd.reshape(mx.nd.ones([2, 3, 4]), { shape: [4, 0, -1] }); // shape [4, 3, 2]
 * mx.nd.reshape(mx.nd.ones([2, 3, 4]), { shape: [-3, -2] }); // shape [6, 4]
 */
export function reshape(x: NDArray, options: ReshapeOptions): NDArray {
  checkNDArray('reshape', 'x', x);
  checkRequiredOptions('reshape', options);
  if (options.shape === undefined) throw new InvalidArgumentError('reshape', 'shape is required');
  checkIntList('reshape', 'shape', options.shape);
  const shape = resolveReshape(x.shape, options.shape, options.reverse);
  return applyOp('reshape', [x], { shape });
}
