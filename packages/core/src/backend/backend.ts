import type { DType, HostArray } from '../ndarray/dtype.js';
import type { DeviceType } from './context.js';
import type { KernelAttrs, KernelName } from './kernels.js';

/**
 * What a backend hands core for one array: an opaque handle to its data plus shape and
 * dtype. Core never looks inside `dataId`.
 */
export interface TensorRecord {
  readonly dataId: object;
  readonly shape: readonly number[];
  readonly dtype: DType;
}

/** What a backend can do; the conformance suite checks these claims both ways. */
export interface BackendCapabilities {
  /** dtypes the backend stores and computes in. */
  readonly dtypes: readonly DType[];
  /** Whether `readSync` works (CPU engines) or reads are async only (WebGPU). */
  readonly syncRead: boolean;
  /** A human-readable description of the engine/adapter, printed in reports. */
  readonly description: string;
  /**
   * The most bytes of arrays the engine can hold at once (the wasm heap's 4 GiB), where it
   * has a fixed capacity; past it the backend raises `OutOfMemoryError` before allocating.
   * Absent where the host's memory is the only bound.
   */
  readonly maxBytes?: number;
  /**
   * The largest single array the engine can hold (a WebGPU device's largest storage buffer
   * binding), where it is below `mx.maxArrayBytes()`; larger arrays raise
   * `ArrayTooLargeError` before any allocation.
   */
  readonly maxArrayBytes?: number;
}

/** Live arrays and bytes a backend holds. */
export interface MemoryInfo {
  arrays: number;
  /** Bytes of the live arrays' values. */
  bytes: number;
  /**
   * Bytes of GPU buffers that hold live arrays or queued work (WebGPU); absent for engines
   * whose memory is the host's. Freed buffers return to the engine's pool, not counted here.
   */
  gpuBytes?: number;
}

/**
 * The contract between core and an engine. Core owns the tape, the op semantics and the
 * gradients; a backend only stores arrays and runs primitive kernels on them.
 *
 * @example
 * mx.useBackend(await createCpuBackend()); // any object implementing Backend
 */
export interface Backend {
  /** Short engine name: 'cpu', 'wasm', 'webgpu', 'tfjs-node'. */
  readonly name: string;
  /** The context family this backend serves (its arrays print as `cpu(0)` or `gpu(0)`). */
  readonly deviceType: DeviceType;
  readonly capabilities: BackendCapabilities;
  /** Uploads host values; the backend may keep `values` (callers never reuse it). */
  write(values: HostArray, shape: readonly number[], dtype: DType): TensorRecord;
  /**
   * Creates an array whose values `fill` writes in place: into the engine's own memory
   * where the host can see it (wasm's heap), so large host-made arrays such as random
   * draws skip a copy. Optional; core otherwise fills a host array and calls `write`.
   * `fill` runs no kernels; if it throws, the array is freed and the error passes on.
   */
  writeWith?(
    shape: readonly number[],
    dtype: DType,
    fill: (values: HostArray) => void,
  ): TensorRecord;
  /** Reads values back to the host, as a fresh array of the record's dtype the caller owns. */
  read(t: TensorRecord): Promise<HostArray>;
  /** Reads synchronously, like `read`; only when `capabilities.syncRead`. */
  readSync(t: TensorRecord): HostArray;
  /** Releases one reference to the record's data. */
  dispose(t: TensorRecord): void;
  /** Runs one primitive kernel. Inputs stay owned by the caller. */
  run<K extends KernelName>(
    kernel: K,
    inputs: readonly TensorRecord[],
    attrs: KernelAttrs[K],
  ): TensorRecord[];
  /** Live arrays and bytes held by the engine. */
  memory(): MemoryInfo;
  /**
   * Releases the engine's device and resources (a GPU device, so a Node process can exit).
   * Optional; the backend is unusable afterwards. `runConformance` calls it after its run.
   */
  close?(): void;
}

/**
 * A conformance case a backend is known to fail, with why and what would fix it. A backend
 * package exports its list as `knownFailures`; `@mxts/conformance` counts these as known
 * failures, and fails the run when one of them passes (so the list cannot go stale).
 *
 * @example
 * export const knownFailures: readonly KnownFailure[] = [
 *   { id: 'ops/exp/forward', reason: 'the engine rounds exp differently', fix: 'a patched Exp kernel' },
 * ];
 */
export interface KnownFailure {
  readonly id: string;
  readonly reason: string;
  readonly fix: string;
}
