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

// glibc works on the float's bit pattern ix. Reading the float's value back as a double
// gives the same fields shifted: for a float32 v, the double's high word is
// ((E + 1023) << 20) | (m23 >>> 3), and since glibc's offset 0x3f330000 has its three low
// mantissa bits clear, (hi - 0x3fe66000) equals (ix - 0x3f330000) >> 3 exactly. So the table
// index and exponent come from one double store and one word load, with no float32 cast.
const F64 = new Float64Array(1);
const W32 = new Uint32Array(F64.buffer);
const HI = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 1 : 0;
/** glibc's OFF = 0x3f330000 as a float, seen through the double's high word. */
const OFF_HI = 0x3fe66000;
/** 2^-k for k in [-150, 150], indexed by k + 150: scaling x to z = x * 2^-k is exact. */
const POW2_NEG = Float64Array.from({ length: 301 }, (_, j) => 2 ** (150 - j));
/** Smallest positive normal float32, 0x1p-126. */
const MIN_NORMAL_F32 = 1.1754943508222875e-38;

/**
 * glibc's logf main path for a positive normal float32 `v` (`kShift` undoes a prescale),
 * skipping the argument checks; also exact for v = 1 (the table entry for 1 is exact).
 * For samplers that already know their argument is such a value.
 *
 * MXNet equivalent: the body of glibc's `__logf` after its special-case tests.
 * @example logfNormal(0.5, 0) === glibcLogf(0.5); // true
 */
export function logfNormal(v: number, kShift: number): number {
  F64[0] = v;
  const tmp = (W32[HI] - OFF_HI) | 0;
  const i = (tmp >> 16) & 15;
  const k = tmp >> 20; // arithmetic shift: k is negative for v < 0x1.66p-1
  const z = v * POW2_NEG[k + 150];
  const r = z * INVC[i] - 1;
  const y0 = LOGC[i] + (k + kShift) * LN2;
  const r2 = r * r;
  let y = A1 * r + A2;
  y = A0 * r2 + y;
  y = y * r2 + (y0 + r);
  return Math.fround(y);
}

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
  const v = Math.fround(x);
  if (v === 1) return 0;
  if (v >= MIN_NORMAL_F32 && v < Number.POSITIVE_INFINITY) return logfNormal(v, 0);
  if (v === 0) return Number.NEGATIVE_INFINITY;
  if (v === Number.POSITIVE_INFINITY) return v;
  if (!(v > 0)) return Number.NaN;
  // Subnormal: glibc scales by 2^23 (exact) and takes 23 back out of the exponent.
  return logfNormal(v * 8388608, -23);
}
