// WGSL programs for what TF.js's WebGPU kernels get wrong, in the shape TF.js's
// `runWebGPUProgram` takes: it declares the buffers, the uniforms (shapes, NAN, INFINITY),
// the getters (`getAByOutputIndex` broadcasts) and `setOutputAtIndex`, then appends
// `getUserCode()`, whose `fn main(index : i32)` runs once per output element.

/** The program object TF.js's WebGPU backend compiles and dispatches. */
export interface WebGpuProgram {
  variableNames: string[];
  outputShape: number[];
  shaderKey: string;
  dispatchLayout: { x: number[]; y?: number[]; z?: number[] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number];
  size: boolean;
  getUserCode(): string;
}

/** `webgpu_util` of @tensorflow/tfjs-backend-webgpu: dispatch sizes for a flat layout. */
export interface WebGpuUtil {
  flatDispatchLayout(shape: number[]): { x: number[] };
  computeDispatch(
    layout: { x: number[] },
    outputShape: number[],
    workgroupSize?: [number, number, number],
  ): [number, number, number];
}

function flatProgram(
  util: WebGpuUtil,
  variableNames: string[],
  outputShape: number[],
  shaderKey: string,
  main: string,
): WebGpuProgram {
  const workgroupSize: [number, number, number] = [64, 1, 1];
  const dispatchLayout = util.flatDispatchLayout(outputShape);
  return {
    variableNames,
    outputShape,
    shaderKey,
    dispatchLayout,
    dispatch: util.computeDispatch(dispatchLayout, outputShape, workgroupSize),
    workgroupSize,
    size: true,
    getUserCode: () => main,
  };
}

// Helpers shared by the functions below. `isnan` (bit test) and `isinf` come from TF.js's
// preamble; WGSL has no NaN-aware builtins and compilers may assume NaN never occurs.
// WGSL's exp, log and atan may be thousands of ulp off (measured on Mesa llvmpipe: log 4600
// ulp near 1, atan 350 ulp near 0, exp 17 ulp at -19); these use only + - * / (correctly
// rounded) and stay within ~2.6 ulp, near MXNet's libm results.
const HELPERS = /* wgsl */ `
  // No -0.0 constant anywhere: Mesa merges it with 0.0, and then every 0.0 in the shader
  // becomes -0. Negative zeros are computed from the inputs instead.
  fn mxSignBit(a : f32) -> bool { return (bitcast<u32>(a) >> 31u) == 1u; }
  // exp(a) = 2^k exp(r): Cody-Waite reduction by ln 2 (its high part times k is exact), a
  // Taylor polynomial on |r| <= 0.35 (truncation below 0.05 ulp). At most 1.1 ulp.
  fn mxExp(a : f32) -> f32 {
    if (isnan(a)) { return a; }
    if (a > 88.72284) { return uniforms.INFINITY; }
    if (a < -103.98) { return 0.0; }
    let k = round(a * 1.4426950408889634);
    let r = (a - k * 0.693145751953125) - k * 1.4286067653302226e-6;
    let p = 1.0 + r * (1.0 + r * (0.5 + r * (1.0 / 6.0 + r * (1.0 / 24.0 + r * (1.0 / 120.0
      + r * (1.0 / 720.0 + r / 5040.0))))));
    return ldexp(p, i32(k));
  }
  // log(m 2^e) = e ln 2 + log(m), m in [0.707, 1.414): log(m) = 2 atanh(f / (2 + f)),
  // f = m - 1 (exact). At most 2.6 ulp.
  fn mxLog(a : f32) -> f32 {
    if (isnan(a) || (isinf(a) && a > 0.0)) { return a; }
    if (a < 0.0) { return uniforms.NAN; }
    if (a == 0.0) { return -uniforms.INFINITY; }
    let fr = frexp(a);
    var m = fr.fract;
    var e = f32(fr.exp);
    if (m < 0.7071067811865476) { m = m * 2.0; e = e - 1.0; }
    let f = m - 1.0;
    let s = f / (2.0 + f);
    let s2 = s * s;
    let l = 2.0 * s * (1.0 + s2 * (1.0 / 3.0 + s2 * (1.0 / 5.0 + s2 * (1.0 / 7.0
      + s2 * (1.0 / 9.0 + s2 / 11.0)))));
    return e * 0.693145751953125 + (l + e * 1.4286067653302226e-6);
  }
  // atan: 1/t above 1, then a shift by pi/6 above tan(pi/12), then the odd Taylor series
  // (|t| <= 0.268: truncation below 1e-10). At most 2 ulp.
  fn mxAtan(a : f32) -> f32 {
    if (isnan(a) || a == 0.0) { return a; }
    var t = abs(a);
    let big = t > 1.0;
    if (big) { t = 1.0 / t; }
    let shifted = t > 0.2679491924311227;
    if (shifted) { t = (t * 1.7320508075688772 - 1.0) / (t + 1.7320508075688772); }
    let t2 = t * t;
    var r = t * (1.0 - t2 * (1.0 / 3.0 - t2 * (1.0 / 5.0 - t2 * (1.0 / 7.0 - t2 * (1.0 / 9.0
      - t2 * (1.0 / 11.0 - t2 * (1.0 / 13.0 - t2 / 15.0)))))));
    if (shifted) { r = r + 0.5235987755982988; }
    if (big) { r = 1.5707963267948966 - r; }
    return select(r, -r, a < 0.0);
  }
  // expm1 without the cancellation of exp(a) - 1: a Taylor series where |a| < 0.5 (the
  // first dropped term is below 1e-9 relative).
  fn mxExpm1(a : f32) -> f32 {
    if (abs(a) < 0.5) {
      return a * (1.0 + a * (0.5 + a * (1.0 / 6.0 + a * (1.0 / 24.0 + a * (1.0 / 120.0
        + a * (1.0 / 720.0 + a * (1.0 / 5040.0 + a * (1.0 / 40320.0 + a / 362880.0))))))));
    }
    return mxExp(a) - 1.0;
  }
  // log1p without the cancellation of log(1 + a): 2 atanh(s), s = a / (2 + a), where
  // |a| < 0.25 (|s| < 0.143, so the series' first dropped term is below 1e-11).
  fn mxLog1p(a : f32) -> f32 {
    if (abs(a) < 0.25) {
      let s = a / (2.0 + a);
      let s2 = s * s;
      return 2.0 * s * (1.0 + s2 * (1.0 / 3.0 + s2 * (1.0 / 5.0 + s2 * (1.0 / 7.0
        + s2 * (1.0 / 9.0 + s2 / 11.0)))));
    }
    return mxLog(1.0 + a);
  }
`;

/**
 * Float unary functions as C's libm (MXNet's CPU kernels) computes them: NaN propagates,
 * odd functions keep the sign of zero, and no formula cancels catastrophically near 0.
 */
export const UNARY_BODIES: Readonly<Record<string, string>> = {
  Sinh: `
    if (isnan(a) || a == 0.0) { return a; }
    let x = abs(a);
    var r : f32;
    if (x < 1.0) {
      let x2 = x * x;
      r = x * (1.0 + x2 * (1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (1.0 / 5040.0
        + x2 * (1.0 / 362880.0 + x2 / 39916800.0)))));
    } else if (x < 88.0) {
      let e = mxExp(x);
      r = 0.5 * (e - 1.0 / e);
    } else {
      let h = mxExp(0.5 * x);
      r = (0.5 * h) * h;
    }
    return select(r, -r, a < 0.0);`,
  Cosh: `
    if (isnan(a)) { return a; }
    let x = abs(a);
    if (x < 88.0) {
      let e = mxExp(x);
      return 0.5 * (e + 1.0 / e);
    }
    let h = mxExp(0.5 * x);
    return (0.5 * h) * h;`,
  Exp: `return mxExp(a);`,
  Log: `return mxLog(a);`,
  Sigmoid: `
    if (isnan(a)) { return a; }
    return 1.0 / (1.0 + mxExp(-a));`,
  // MXNet's softrelu: a above 20, else log1p(exp(a)).
  Softplus: `
    if (isnan(a) || a > 20.0) { return a; }
    return mxLog1p(mxExp(a));`,
  Tanh: `
    if (isnan(a) || a == 0.0) { return a; }
    let x = abs(a);
    var r = 1.0;
    if (x < 9.0) {
      let em = mxExpm1(-2.0 * x);
      r = -em / (2.0 + em);
    }
    return select(r, -r, a < 0.0);`,
  Asin: `
    if (isnan(a) || a == 0.0) { return a; }
    if (abs(a) > 1.0) { return uniforms.NAN; }
    return mxAtan(a / sqrt((1.0 - a) * (1.0 + a)));`,
  Acos: `
    if (isnan(a)) { return a; }
    if (abs(a) > 1.0) { return uniforms.NAN; }
    return 2.0 * mxAtan(sqrt(1.0 - a) / sqrt(1.0 + a));`,
  Atan: `return mxAtan(a);`,
  Asinh: `
    if (isnan(a) || a == 0.0 || isinf(a)) { return a; }
    let x = abs(a);
    var r : f32;
    if (x > 1e8) {
      r = mxLog(x) + 0.6931471805599453;
    } else {
      let x2 = x * x;
      r = mxLog1p(x + x2 / (1.0 + sqrt(1.0 + x2)));
    }
    return select(r, -r, a < 0.0);`,
  Atanh: `
    if (isnan(a) || a == 0.0) { return a; }
    let x = abs(a);
    if (x > 1.0) { return uniforms.NAN; }
    var r = uniforms.INFINITY;
    if (x < 1.0) { r = 0.5 * mxLog1p(2.0 * x / (1.0 - x)); }
    return select(r, -r, a < 0.0);`,
  Expm1: `
    if (isnan(a)) { return a; }
    return mxExpm1(a);`,
  Log1p: `
    if (isnan(a) || a == 0.0) { return a; }
    if (a < -1.0) { return uniforms.NAN; }
    if (a == -1.0) { return -uniforms.INFINITY; }
    return mxLog1p(a);`,
  // MXNet: a > 0 ? a : 0, and NaN stays NaN.
  Relu: `
    if (isnan(a)) { return a; }
    return select(0.0, a, a > 0.0);`,
};

/** An elementwise float function of one input; `body` computes `a`'s result. */
export function unaryProgram(util: WebGpuUtil, name: string, outputShape: number[]): WebGpuProgram {
  const body = UNARY_BODIES[name];
  return flatProgram(
    util,
    ['A'],
    outputShape,
    `mxts_unary_${name}`,
    /* wgsl */ `
    ${HELPERS}
    fn mxUnary(a : f32) -> f32 {
      ${body}
    }
    fn main(index : i32) {
      if (index < uniforms.size) {
        setOutputAtIndex(index, mxUnary(getAByOutputIndex(index)));
      }
    }`,
  );
}

/**
 * C's powf (MXNet's power) with numpy broadcasting: every special case of C99 Annex F (0 to a
 * negative power is infinite, 1 to any power is 1, ...), and the powers 1, 2, -1 and 0.5 as
 * exact operations rather than exp2(b * log2(a)).
 */
export function powProgram(util: WebGpuUtil, outputShape: number[]): WebGpuProgram {
  return flatProgram(
    util,
    ['A', 'B'],
    outputShape,
    'mxts_pow',
    /* wgsl */ `
    ${HELPERS}
    fn mxPow(a : f32, b : f32) -> f32 {
      if (b == 0.0 || a == 1.0) { return 1.0; }
      if (isnan(a) || isnan(b)) { return uniforms.NAN; }
      if (isinf(b)) {
        let m = abs(a);
        if (m == 1.0) { return 1.0; }
        return select(0.0, uniforms.INFINITY, (m < 1.0) == (b < 0.0));
      }
      let bInt = floor(b) == b;
      // Floats from 2^24 up are even integers.
      let bOdd = bInt && abs(b) < 16777216.0 && abs(b) % 2.0 == 1.0;
      if (a == 0.0) {
        let negZero = mxSignBit(a) && bOdd;
        if (b < 0.0) { return select(uniforms.INFINITY, -uniforms.INFINITY, negZero); }
        return select(0.0, a, negZero);
      }
      if (isinf(a)) {
        let odd = a < 0.0 && bOdd;
        if (b < 0.0) { return select(0.0, 1.0 / a, odd); }
        return select(uniforms.INFINITY, -uniforms.INFINITY, odd);
      }
      if (a < 0.0 && !bInt) { return uniforms.NAN; }
      if (b == 1.0) { return a; }
      if (b == 2.0) { return a * a; }
      if (b == -1.0) { return 1.0 / a; }
      if (b == 0.5) { return sqrt(a); }
      let r = pow(abs(a), b);
      return select(r, -r, a < 0.0 && bOdd);
    }
    fn main(index : i32) {
      if (index < uniforms.size) {
        setOutputAtIndex(index, mxPow(getAByOutputIndex(index), getBByOutputIndex(index)));
      }
    }`,
  );
}

const COORD = ['x', 'y', 'z', 'w', 'u', 'v'];

/**
 * A transpose that copies elements without passing int32 through f32: TF.js's own writes an
 * i32 into its f32 setter (a WGSL type error) for int32 of rank 3 and more, and goes through
 * f32 for 2-D int32 (values above 2^24 change).
 */
export function transposeProgram(
  util: WebGpuUtil,
  inShape: readonly number[],
  perm: readonly number[],
  intData: boolean,
): WebGpuProgram {
  const rank = inShape.length;
  const outputShape = perm.map((p) => inShape[p]);
  const inCoords = new Array<string>(rank);
  for (let i = 0; i < rank; i++) inCoords[perm[i]] = `c.${COORD[i]}`;
  const coordType = rank <= 4 ? `vec${rank}<i32>` : `vec${rank}`;
  const setter = intData ? 'setOutputAtIndexI32' : 'setOutputAtIndex';
  return flatProgram(
    util,
    ['A'],
    outputShape,
    `mxts_transpose_${perm.join('_')}_${intData ? 'i' : 'f'}`,
    /* wgsl */ `
    fn main(index : i32) {
      if (index < uniforms.size) {
        let c = getCoordsFromIndex(index);
        ${setter}(index, A[getIndexFromCoords${rank}D(${coordType}(${inCoords.join(', ')}),
          uniforms.aShape)]);
      }
    }`,
  );
}
