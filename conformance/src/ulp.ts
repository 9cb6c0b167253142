/** The gap between a float32 and the next float32 of larger magnitude. */
export function ulp32(x: number): number {
  const a = Math.abs(Math.fround(x));
  if (a === 0) return 2 ** -149;
  const e = Math.floor(Math.log2(a));
  const exp = Math.fround(2 ** e) > a ? e - 1 : e;
  return 2 ** (Math.max(exp, -126) - 23);
}

/** True when `a` is within `n` float32 ulps of `e`. */
export function withinUlps(a: number, e: number, n: number): boolean {
  return Math.abs(a - e) <= n * ulp32(e);
}
