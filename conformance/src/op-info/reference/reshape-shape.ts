/**
 * MXNet's `InferReshapeShape` (src/operator/tensor/matrix_op-inl.h, 1.9.1), ported line by
 * line: codes 0 (copy), -1 (infer), -2 (copy the rest), -3 (merge two), -4 (split one),
 * applied right to left when `reverse`.
 */
export function reshapeShape(
  src: readonly number[],
  codes: readonly number[],
  reverse = false,
): number[] {
  const dshape = reverse ? [...src].reverse() : [...src];
  const params = reverse ? [...codes].reverse() : [...codes];
  const tmp: number[] = [];
  let srcIdx = 0;
  let infIdx = -1;
  for (let i = 0; i < params.length; i++) {
    const d = params[i];
    if (d === 0) tmp.push(dshape[srcIdx++]);
    else if (d === -1) {
      infIdx = i;
      tmp.push(1);
      srcIdx++;
    } else if (d === -2) {
      while (srcIdx < dshape.length) tmp.push(dshape[srcIdx++]);
    } else if (d === -3) {
      tmp.push(dshape[srcIdx] * dshape[srcIdx + 1]);
      srcIdx += 2;
    } else if (d === -4) {
      const d0 = dshape[srcIdx++];
      let d1 = params[++i];
      let d2 = params[++i];
      if (d1 === -1) d1 = d0 / d2;
      if (d2 === -1) d2 = d0 / d1;
      tmp.push(d1, d2);
    } else {
      tmp.push(d);
      srcIdx++;
    }
  }
  if (infIdx >= 0) {
    const known = tmp.reduce((a, b) => a * b, 1);
    tmp[infIdx] = src.reduce((a, b) => a * b, 1) / known;
  }
  return reverse ? tmp.reverse() : tmp;
}
