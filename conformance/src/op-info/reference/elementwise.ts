import { generate, type RefArray, ravel } from '../ref-array.js';

/** `f` applied to every element. */
export function mapRef(x: RefArray, f: (v: number) => number): RefArray {
  return { shape: [...x.shape], values: x.values.map(f) };
}

/** numpy's broadcast shape of several shapes (aligned at the right). */
export function broadcastShape(...shapes: (readonly number[])[]): number[] {
  const ndim = Math.max(...shapes.map((s) => s.length));
  return Array.from({ length: ndim }, (_, i) => {
    let d = 1;
    for (const s of shapes) {
      const k = s[s.length - ndim + i] ?? 1;
      if (k !== 1 && d !== 1 && k !== d) throw new Error(`shapes do not broadcast`);
      if (k !== 1) d = k;
    }
    // A length-0 axis against length 1 stays 0.
    return shapes.some((s) => s[s.length - ndim + i] === 0) ? 0 : d;
  });
}

/** The element of `x` that broadcasting maps to output index `idx`. */
export function broadcastRead(x: RefArray, idx: readonly number[]): number {
  const lead = idx.length - x.shape.length;
  const own = x.shape.map((d, i) => (d === 1 ? 0 : idx[lead + i]));
  return x.values[ravel(own, x.shape)];
}

/** `f(a, b)` elementwise with numpy broadcasting. */
export function zipRef(a: RefArray, b: RefArray, f: (x: number, y: number) => number): RefArray {
  return generate(broadcastShape(a.shape, b.shape), (idx) =>
    f(broadcastRead(a, idx), broadcastRead(b, idx)),
  );
}
