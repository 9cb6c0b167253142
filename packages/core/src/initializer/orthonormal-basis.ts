/**
 * The factor numpy's thin SVD gives MXNet's `Orthogonal`: for an m x n matrix A (row-major),
 * `u` (m x n) when m >= n, else `vh` (m x n). Computed with one-sided Jacobi rotations in
 * float64 on the tall orientation (A or Aᵀ), whose orthogonalized, normalized columns are
 * the left singular vectors. Signs and rounding differ from LAPACK's; orthonormality
 * (`R Rᵀ = I` for wide, `Rᵀ R = I` for tall results) is what MXNet's users can rely on.
 * @internal
 */
export function orthonormalFactor(a: ArrayLike<number>, m: number, n: number): Float64Array {
  const tall = m >= n;
  const rows = tall ? m : n;
  const cols = tall ? n : m;
  // Column-major copy of the tall orientation: col[j] is column j (length rows).
  const col: Float64Array[] = Array.from({ length: cols }, () => new Float64Array(rows));
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const v = a[i * n + j];
      if (tall) col[j][i] = v;
      else col[i][j] = v;
    }
  }
  const dot = (x: Float64Array, y: Float64Array): number => {
    let s = 0;
    for (let k = 0; k < rows; k++) s += x[k] * y[k];
    return s;
  };
  for (let sweep = 0; sweep < 60; sweep++) {
    let rotated = false;
    for (let p = 0; p < cols - 1; p++) {
      for (let q = p + 1; q < cols; q++) {
        const cp = col[p];
        const cq = col[q];
        const alpha = dot(cp, cp);
        const beta = dot(cq, cq);
        const gamma = dot(cp, cq);
        if (Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta) || gamma === 0) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let k = 0; k < rows; k++) {
          const x = cp[k];
          const y = cq[k];
          cp[k] = c * x - s * y;
          cq[k] = s * x + c * y;
        }
      }
    }
    if (!rotated) break;
  }
  // Normalize; order by decreasing singular value, as LAPACK does.
  const norms = col.map((c) => Math.sqrt(dot(c, c)));
  const order = norms.map((_, j) => j).sort((x, y) => norms[y] - norms[x]);
  const out = new Float64Array(m * n);
  order.forEach((j, r) => {
    const c = col[j];
    const inv = norms[j] > 0 ? 1 / norms[j] : 0;
    for (let k = 0; k < rows; k++) {
      const v = c[k] * inv;
      // tall: u[k][r]; wide: vh[r][k] (vh = the columns of V as rows).
      if (tall) out[k * n + r] = v;
      else out[r * n + k] = v;
    }
  });
  return out;
}
