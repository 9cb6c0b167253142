import type { DType } from '@mxts/core';
import { getKernel, type KernelBackend, type TensorInfo } from '@tensorflow/tfjs-core';

/**
 * A replacement for one TF.js kernel that an engine lacks or gets wrong, composed from
 * other kernels through `k.call`. `engine` runs the engine's own kernel of that name (when
 * it has one), so a patch can fix up its output. Inputs and attributes are TF.js's.
 *
 * @example
 * // Keep NaN where an engine's ClipByValue replaces it with the lower bound.
 * const clip: TfKernelPatch = (k, inputs, attrs, engine) => {
 *   const { x } = inputs as Record<string, TensorInfo>;
 *   return k.temps((tmp) => {
 *     const y = tmp(engine(inputs, attrs));
 *     return k.call('Select', { condition: tmp(k.call('IsNan', { x })), t: x, e: y });
 *   });
 * };
 */
export type TfKernelPatch = (
  k: KernelContext,
  inputs: Record<string, TensorInfo> | TensorInfo[],
  attrs: any,
  engine: (inputs: Record<string, TensorInfo> | TensorInfo[], attrs: any) => TensorInfo,
) => TensorInfo;

const SIZE = Symbol('mxts.bytes');
/** Cached constants per context: a learning-rate schedule's values come and go. */
const MAX_CONSTANTS = 256;

/**
 * Calls TF.js kernels on one backend instance (not through TF.js's global engine), and
 * keeps count of the data it holds so `memory()` is exact.
 */
export class KernelContext {
  private readonly kernels = new Map<string, (args: any) => TensorInfo | TensorInfo[]>();
  private readonly patches: ReadonlyMap<string, TfKernelPatch>;
  private liveBytes = 0;
  private readonly constants = new Map<string, TensorInfo>();
  private constantBytes = 0;

  constructor(
    readonly tf: KernelBackend,
    readonly tfName: string,
    patches: Readonly<Record<string, TfKernelPatch>> = {},
  ) {
    this.patches = new Map(Object.entries(patches));
  }

  // TF.js refcounts data (reshape-like kernels hand back their input's data with one more
  // reference), so bytes are counted when data first appears and when it goes away. The
  // size is kept per data: a shared record may carry another dtype (CPU's Cast of bool to
  // float32 shares the 1-byte data), so its own dtype would give another size.

  private static bytesOf(t: TensorInfo): number {
    let n = t.dtype === 'float32' || t.dtype === 'int32' ? 4 : 1;
    for (const d of t.shape) n *= d;
    return n;
  }

  /** Notes a record the backend just produced (a write or a kernel's output). */
  track(t: TensorInfo): TensorInfo {
    if (this.tf.refCount(t.dataId) === 1) {
      const bytes = KernelContext.bytesOf(t);
      // Kept on TF.js's data handle itself: a Map lookup per kernel call costs more.
      (t.dataId as Record<symbol, number>)[SIZE] = bytes;
      this.liveBytes += bytes;
    }
    return t;
  }

  /** Drops one reference, as TF.js's refcounted disposeData does. */
  dispose(t: TensorInfo): void {
    if (this.tf.refCount(t.dataId) === 1) {
      this.liveBytes -= (t.dataId as Record<symbol, number>)[SIZE] ?? KernelContext.bytesOf(t);
    }
    this.tf.disposeData(t.dataId);
  }

  /** Bytes of the tensors this context made that the caller holds, not disposed yet (for `mx.memory()`; cached constants are the context's own). */
  get bytes(): number {
    return this.liveBytes - this.constantBytes;
  }

  /** The cached constants themselves (for a backend's device-byte count). */
  get cachedConstants(): readonly TensorInfo[] {
    return [...this.constants.values()];
  }

  /** How many cached constants the context holds (they are not the caller's arrays). */
  get constantCount(): number {
    return this.constants.size;
  }

  /** Whether the engine patches kernel `name` (fused kernels exist only as patches). */
  hasPatch(name: string): boolean {
    return this.patches.has(name);
  }

  /** Runs TF.js kernel `name` (or its patch); the output is tracked and owned by the caller. */
  call(
    name: string,
    inputs: Record<string, TensorInfo> | TensorInfo[],
    attrs: object = {},
  ): TensorInfo {
    const patch = this.patches.get(name);
    if (patch !== undefined) {
      return patch(this, inputs, attrs, (i, a) => this.callEngine(name, i, a));
    }
    return this.callEngine(name, inputs, attrs);
  }

  /**
   * Runs a TF.js kernel with several outputs (TopK: values and indices); every output is
   * tracked and owned by the caller. Patches do not apply.
   */
  callAll(
    name: string,
    inputs: Record<string, TensorInfo> | TensorInfo[],
    attrs: object = {},
  ): TensorInfo[] {
    const out = this.kernel(name)({ inputs, backend: this.tf, attrs });
    return (Array.isArray(out) ? out : [out]).map((t) => this.track(t));
  }

  private kernel(name: string): (args: any) => TensorInfo | TensorInfo[] {
    let fn = this.kernels.get(name);
    if (fn === undefined) {
      const k = getKernel(name, this.tfName);
      if (k === undefined) throw new Error(`TF.js backend '${this.tfName}' has no kernel ${name}`);
      fn = k.kernelFunc as (args: any) => TensorInfo;
      this.kernels.set(name, fn);
    }
    return fn;
  }

  private callEngine(
    name: string,
    inputs: Record<string, TensorInfo> | TensorInfo[],
    attrs: object,
  ): TensorInfo {
    const out = this.kernel(name)({ inputs, backend: this.tf, attrs });
    if (!Array.isArray(out)) return this.track(out);
    // A kernel with several outputs: keep the first, free the rest (callAll keeps them all).
    for (const extra of out.slice(1)) this.tf.disposeData(extra.dataId);
    return this.track(out[0]);
  }

  /** Uploads host values (`null`: allocates only, on engines that allow it, as wasm). */
  write(
    values: ArrayLike<number> | null,
    shape: readonly number[],
    dtype: DType | 'bool',
  ): TensorInfo {
    const dataId = this.tf.write(values as Float32Array, [...shape], dtype as 'float32');
    return this.track({ dataId, shape: [...shape], dtype: dtype as 'float32' });
  }

  /** A 0-d tensor holding `value`. */
  scalar(value: number, dtype: string): TensorInfo {
    const v = dtype === 'int32' ? new Int32Array([value]) : new Float32Array([value]);
    return this.write(v, [], dtype as DType);
  }

  /**
   * A 0-d tensor holding `value`, cached and owned by the context: scalar ops (x * 0.1,
   * x > 0) reuse one upload per value instead of writing and freeing one per call. Callers
   * must not dispose it. At most `MAX_CONSTANTS` are kept; then the cache starts over.
   */
  constant(value: number, dtype: string): TensorInfo {
    const key = `${dtype}:${Object.is(value, -0) ? '-0' : value}`;
    let t = this.constants.get(key);
    if (t === undefined) {
      if (this.constants.size >= MAX_CONSTANTS) this.dropConstants();
      t = this.scalar(value, dtype);
      this.constants.set(key, t);
      this.constantBytes += KernelContext.bytesOf(t);
    }
    return t;
  }

  /** Frees the cached constants. */
  dropConstants(): void {
    for (const t of this.constants.values()) {
      this.constantBytes -= KernelContext.bytesOf(t);
      this.dispose(t);
    }
    this.constants.clear();
  }

  /** Runs `fn` and disposes the temporaries it lists, keeping the result. */
  temps<T>(fn: (tmp: (t: TensorInfo) => TensorInfo) => T): T {
    const list: TensorInfo[] = [];
    try {
      return fn((t) => {
        list.push(t);
        return t;
      });
    } finally {
      for (const t of list) this.dispose(t);
    }
  }
}
