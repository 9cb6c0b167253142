import type { KernelContext, TfKernelPatch } from '@mxts/tfjs-adapter';
import type { TensorInfo } from '@tensorflow/tfjs-core';

type Named = Record<string, TensorInfo>;

/** The parts of tfjs-node's NodeJSKernelBackend that run a TensorFlow op by its name. */
export interface NativeOpRunner {
  binding: { TF_ATTR_TYPE: number };
  getDTypeInteger(dtype: string): number;
  executeSingleOutput(name: string, opAttrs: object[], inputs: TensorInfo[]): TensorInfo;
}

/**
 * Runs TensorFlow op `name` with type attribute `T` on the backend instance itself. tfjs-node's
 * own kernels for `Pow` and `ClipByValue` call TF.js ops (`cast`, `minimum`) on the global
 * engine, which reject the adapter's tensor records; the native op needs no engine.
 */
export function native(
  k: KernelContext,
  name: string,
  inputs: TensorInfo[],
  dtype: string,
): TensorInfo {
  const tf = k.tf as unknown as NativeOpRunner;
  const attrs = [{ name: 'T', type: tf.binding.TF_ATTR_TYPE, value: tf.getDTypeInteger(dtype) }];
  return k.track(tf.executeSingleOutput(name, attrs, inputs));
}

/** TensorFlow's Pow, on operands of one dtype (the adapter passes equal dtypes). */
const pow: TfKernelPatch = (k, inputs) => {
  const { a, b } = inputs as Named;
  if (a.dtype === b.dtype) return native(k, 'Pow', [a, b], a.dtype);
  return k.temps((tmp) => {
    const bb = tmp(k.call('Cast', { x: b }, { dtype: a.dtype }));
    return native(k, 'Pow', [a, bb], a.dtype);
  });
};

/**
 * TensorFlow's ClipByValue; MXNet's clip keeps NaN. Bounds convert to int32 as MXNet's
 * `DType(a_min)` does (truncated) on int32 data.
 */
const clipByValue: TfKernelPatch = (k, inputs, attrs) => {
  const { x } = inputs as Named;
  const { clipValueMin, clipValueMax } = attrs as { clipValueMin: number; clipValueMax: number };
  return k.temps((tmp) => {
    const lo = k.constant(clipValueMin, x.dtype);
    const hi = k.constant(clipValueMax, x.dtype);
    if (x.dtype === 'int32') return native(k, 'ClipByValue', [x, lo, hi], x.dtype);
    const y = tmp(native(k, 'ClipByValue', [x, lo, hi], x.dtype));
    return k.call('Select', { condition: tmp(k.call('IsNan', { x })), t: x, e: y });
  });
};

/**
 * TensorFlow has no int32 RealDiv. MXNet divides int32 by int32 truncating toward zero
 * (TensorFlow's TruncateDiv); x / 0 gives 0, as on the CPU backend.
 */
const realDiv: TfKernelPatch = (k, inputs, attrs, engine) => {
  const { a, b } = inputs as Named;
  if (a.dtype !== 'int32') return engine(inputs, attrs);
  return k.temps((tmp) => {
    const nonzero = tmp(k.call('NotEqual', { a: b, b: k.constant(0, 'int32') }));
    const ones = tmp(k.call('OnesLike', { x: b }));
    const divisor = tmp(k.call('Select', { condition: nonzero, t: b, e: ones }));
    const q = tmp(native(k, 'TruncateDiv', [a, divisor], 'int32'));
    return k.call('Multiply', { a: q, b: tmp(k.call('Cast', { x: nonzero }, { dtype: 'int32' })) });
  });
};

/** MXNet's relu gives +0 for -0 (TensorFlow's keeps -0); adding +0 turns -0 into +0 only. */
const relu: TfKernelPatch = (k, inputs, attrs, engine) => {
  const { x } = inputs as Named;
  if (x.dtype !== 'float32') return engine(inputs, attrs);
  return k.temps((tmp) =>
    k.call('Add', { a: tmp(engine(inputs, attrs)), b: k.constant(0, 'float32') }),
  );
};

/** MXNet's sign of NaN is 0 (TensorFlow's is NaN). */
const sign: TfKernelPatch = (k, inputs, attrs, engine) => {
  const { x } = inputs as Named;
  if (x.dtype !== 'float32') return engine(inputs, attrs);
  return k.temps((tmp) => {
    const y = tmp(engine(inputs, attrs));
    const zeros = tmp(k.call('ZerosLike', { x }));
    return k.call('Select', { condition: tmp(k.call('IsNan', { x })), t: zeros, e: y });
  });
};

/**
 * TensorFlow's float math ops have no int32 kernels (tfjs-node's Exp converts with a TF.js
 * op, which rejects tensor records). MXNet computes them in float and stores the result in
 * int32, truncated, as the CPU backend does.
 */
const int32ViaFloat32: TfKernelPatch = (k, inputs, attrs, engine) => {
  const { x } = inputs as Named;
  if (x.dtype !== 'int32') return engine(inputs, attrs);
  return k.temps((tmp) => {
    const y = tmp(engine({ x: tmp(k.call('Cast', { x }, { dtype: 'float32' })) }, attrs));
    return k.call('Cast', { x: y }, { dtype: 'int32' });
  });
};

/**
 * TF.js kernels that `@tensorflow/tfjs-node` 4.22 implements with TF.js ops on the global
 * engine (`Pow`, `ClipByValue`), lacks for int32 in TensorFlow (`RealDiv`, the float math
 * ops), or computes differently from MXNet (`Relu` of -0, `Sign` of NaN), run with
 * TensorFlow's own ops. Each is checked by conformance cases (power, clip, take and pick,
 * the int32 cases of divide and mean, the edge values of relu and sign).
 */
export const tfjsNodeKernelPatches: Readonly<Record<string, TfKernelPatch>> = {
  ...Object.fromEntries(
    [
      'Exp',
      'Log',
      'Sqrt',
      'Rsqrt',
      'Reciprocal',
      'Sin',
      'Cos',
      'Tan',
      'Sinh',
      'Cosh',
      'Tanh',
      'Asin',
      'Acos',
      'Atan',
      'Asinh',
      'Acosh',
      'Atanh',
      'Expm1',
      'Log1p',
      'Sigmoid',
      'Softplus',
    ].map((name) => [name, int32ViaFloat32]),
  ),
  Pow: pow,
  ClipByValue: clipByValue,
  RealDiv: realDiv,
  Relu: relu,
  Sign: sign,
};
