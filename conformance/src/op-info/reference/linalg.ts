import { generate, type RefArray, ravel } from '../ref-array.js';

/**
 * Matrix product of the 2-D `a` (m, k) and `b` (k, n), either transposed first, summed in
 * float64.
 */
export function matmulRef(
  a: RefArray,
  b: RefArray,
  transposeA = false,
  transposeB = false,
): RefArray {
  const at = (i: number, j: number) =>
    a.values[transposeA ? ravel([j, i], a.shape) : ravel([i, j], a.shape)];
  const bt = (i: number, j: number) =>
    b.values[transposeB ? ravel([j, i], b.shape) : ravel([i, j], b.shape)];
  const m = transposeA ? a.shape[1] : a.shape[0];
  const k = transposeA ? a.shape[0] : a.shape[1];
  const n = transposeB ? b.shape[0] : b.shape[1];
  return generate([m, n], ([i, j]) => {
    let s = 0;
    for (let p = 0; p < k; p++) s += at(i, p) * bt(p, j);
    return s;
  });
}

/** The `b`-th matrix of a 3-D array. */
export function batchOf(x: RefArray, b: number): RefArray {
  const size = x.shape[1] * x.shape[2];
  return { shape: x.shape.slice(1), values: x.values.slice(b * size, (b + 1) * size) };
}

/** `matmulRef` batch by batch over the first axis of two 3-D arrays. */
export function batchMatmulRef(
  a: RefArray,
  b: RefArray,
  transposeA = false,
  transposeB = false,
): RefArray {
  const parts = Array.from({ length: a.shape[0] }, (_, i) =>
    matmulRef(batchOf(a, i), batchOf(b, i), transposeA, transposeB),
  );
  const values = new Float64Array(parts.reduce((n, p) => n + p.values.length, 0));
  let offset = 0;
  for (const p of parts) {
    values.set(p.values, offset);
    offset += p.values.length;
  }
  return { shape: [a.shape[0], ...parts[0].shape], values };
}

/**
 * MXNet's `dot`: the product over the last axis of `a` and the first axis of `b`, shape
 * a.shape[:-1] + b.shape[1:] ([1] for two vectors). Transposes apply to 2-D operands.
 */
export function dotRef(a: RefArray, b: RefArray, transposeA = false, transposeB = false): RefArray {
  const lead = a.shape.length === 1 ? [] : transposeA ? [a.shape[1]] : a.shape.slice(0, -1);
  const tail = b.shape.length === 1 ? [] : transposeB ? [b.shape[0]] : b.shape.slice(1);
  const m = lead.reduce((p, d) => p * d, 1);
  const n = tail.reduce((p, d) => p * d, 1);
  // 1-D operands are a row (a) or a column (b); transposing them changes nothing.
  const tA = transposeA && a.shape.length === 2;
  const tB = transposeB && b.shape.length === 2;
  const a2 = tA ? a : { shape: [m, a.values.length / m], values: a.values };
  const b2 = tB ? b : { shape: [b.values.length / n, n], values: b.values };
  const out = matmulRef(a2, b2, tA, tB);
  const shape = [...lead, ...tail];
  return { shape: shape.length === 0 ? [1] : shape, values: out.values };
}
