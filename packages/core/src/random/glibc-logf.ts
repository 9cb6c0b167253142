/**
 * glibc's `logf` (glibc >= 2.27, `sysdeps/ieee754/flt-32/e_logf.c`), reproduced bit for bit.
 * libstdc++'s float polar method calls it, and `Math.fround(Math.log(x))` (correctly rounded)
 * disagrees with it for about 0.7 % of the inputs the sampler sees.
 */

// Constants are the shortest decimals of glibc's C99 hex-float literals; each parses back
// to exactly the same double.
// Math.LN2 is the double 0x1.62e42fefa39efp-1, the same bits as glibc's Ln2.
const LN2 = Math.LN2;
const A0 = -0.25089342214237154; // -0x1.00ea348b88334p-2
const A1 = 0.333456765744066; // 0x1.5575b0be00b6ap-2
const A2 = -0.4999997485802103; // -0x1.ffffef20a4123p-2

/** invc[i] ~ 1/c for the 16 subintervals of [0x1.6p-1, 0x1.6p0) around c (e_logf_data.c). */
const INVC = new Float64Array([
  1.398907162146528, 1.3403141896637998, 1.286432210124115, 1.2367150214269895, 1.1906977166711752,
  1.1479821020556429, 1.1082251448272158, 1.0711297413057381, 1.036437278977283, 1.0,
  0.9492859795739057, 0.8951049428609004, 0.8476821620351103, 0.8050314851692001,
  0.7664671008843108, 0.731428603316328,
]);
/** logc[i] = log(c) rounded to double, paired with INVC. */
const LOGC = new Float64Array([
  -0.33569133332882284, -0.2929040563774074, -0.2518726580937369, -0.21245868807117255,
  -0.17453945183745634, -0.1380057072319758, -0.10275976698545139, -0.06871392447020525,
  -0.0357891387398228, 0.0, 0.05204517742929496, 0.11081431298787942, 0.1652495223695143,
  0.21687389031699977, 0.2659635028121397, 0.3127556664073557,
]);

// One shared scratch cell gives float32 <-> uint32 bit casts without allocating.
const F32 = new Float32Array(1);
const U32 = new Uint32Array(F32.buffer);

/**
 * `logf(x)` exactly as glibc computes it: a table lookup plus a degree-3 polynomial in
 * double, rounded to float once. `x` is rounded to float32 first, as a C `float` argument
 * would be. Special values follow glibc: `logf(±0) = -Infinity`, `logf(Infinity) = Infinity`,
 * negative inputs and NaN give NaN; subnormals are supported.
 *
 * MXNet equivalent: `::logf` as called by `std::log(float)` inside libstdc++'s
 * `normal_distribution<float>`; x86-64 glibc's FMA variant rounds identically (spec §5.2).
 * @example glibcLogf(0.5); // -0.6931471824645996 (float32 of -ln 2)
 */
export function glibcLogf(x: number): number {
  F32[0] = x;
  let ix = U32[0];
  if (ix === 0x3f800000) return 0;
  // One unsigned compare catches everything outside the positive normal range.
  if ((ix - 0x00800000) >>> 0 >= 0x7f800000 - 0x00800000) {
    if ((ix & 0x7fffffff) === 0) return Number.NEGATIVE_INFINITY;
    if (ix === 0x7f800000) return Number.POSITIVE_INFINITY;
    if (ix & 0x80000000 || ix >= 0x7f800000) return Number.NaN;
    // Subnormal: scale by 2^23 (exact in float) and take it back out of the exponent.
    F32[0] = F32[0] * 8388608;
    ix = U32[0] - (23 << 23);
  }
  // tmp wraps like C's uint32 subtraction; the subinterval index and exponent come from it.
  const tmp = (ix - 0x3f330000) >>> 0;
  const i = (tmp >>> 19) & 15;
  const k = tmp >> 23; // arithmetic shift: k is negative for x < 0x1.66p-1
  U32[0] = ix - (tmp & 0xff800000);
  const z = F32[0];
  const r = z * INVC[i] - 1;
  const y0 = LOGC[i] + k * LN2;
  const r2 = r * r;
  let y = A1 * r + A2;
  y = A0 * r2 + y;
  y = y * r2 + (y0 + r);
  return Math.fround(y);
}
