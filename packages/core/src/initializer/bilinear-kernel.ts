import { InvalidArgumentError } from '../errors/invalid-argument-error.js';

/**
 * The bilinear upsampling kernel of MXNet's `Bilinear._init_weight` / `_init_bilinear`, in
 * float64 and stored as float32 as numpy does: with `f = ceil(w/2)`,
 * `c = (2f - 1 - f % 2) / (2f)`, element i gets `(1 - |x/f - c|) * (1 - |y/f - c|)` for
 * `x = i % w`, `y = (i // w) % h`. The width is used for both axes, as in MXNet. @internal
 */
export function bilinearKernel(op: string, shape: readonly number[]): Float32Array {
  if (shape.length !== 4) {
    throw new InvalidArgumentError(
      op,
      `the bilinear kernel needs a 4-D weight (out, in, height, width), got shape (${shape.join(', ')})`,
    );
  }
  const size = shape.reduce((a, b) => a * b, 1);
  const w = shape[3];
  const h = shape[2];
  const f = Math.ceil(w / 2);
  const c = (2 * f - 1 - (f % 2)) / (2 * f);
  const out = new Float32Array(size);
  for (let i = 0; i < size; i++) {
    const x = i % w;
    const y = Math.floor(i / w) % h;
    out[i] = (1 - Math.abs(x / f - c)) * (1 - Math.abs(y / f - c));
  }
  return out;
}
