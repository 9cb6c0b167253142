import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { TensorInfo } from '@tensorflow/tfjs-core';
import { instantiateOnHeap } from '../heap-module.js';
import { SGEMM_WASM_BASE64 } from './sgemm-wasm.js';

type SgemmExport = (
  m: number,
  n: number,
  k: number,
  a: number,
  aRowStride: number,
  aKStride: number,
  b: number,
  bKStride: number,
  bColStride: number,
  c: number,
  scratch: number,
  rowsPerChunk: number,
) => void;

/** Rows in sgemm.wat's blocks of C (its microkernel is ROWS x 8). */
const ROWS = 5;
/** Floats of packed A kept per chunk of rows: 256 KiB, half of this machine's L2. */
const PACKED_A_FLOATS = 65536;

/**
 * float32 matrix products (`BatchMatMul`) computed by sgemm.wat on TF.js's own wasm heap:
 * operands are read and the output written where TF.js keeps them, and transposes are
 * strides, so a product costs no copies, no Transpose kernels and no per-operand XNNPACK
 * operator (which packs B on creation: ~2 ms for a fresh 784x256 weight).
 *
 * @example
 * const sgemm = createWasmSgemm(tfBackend); // null without SIMD or on shared memory
 * const y = sgemm?.batchMatMul(a, b, false, true);
 */
export interface WasmSgemm {
  /**
   * `op(a) · op(b)` of float32 2-D operands, or 3-D ones whose batch sizes match or one of
   * which is 1 (TF.js's broadcast); null for shapes it does not take (the caller falls
   * back). The output is a fresh TF.js tensor of the backend.
   */
  batchMatMul(
    a: TensorInfo,
    b: TensorInfo,
    transposeA: boolean,
    transposeB: boolean,
  ): TensorInfo | null;
}

/**
 * Instantiates sgemm.wat on the heap of TF.js's wasm backend `tfBackend`; null where it
 * cannot run (the engine has no WebAssembly SIMD, or the module's memory is shared or not
 * found), and products keep TF.js's kernel.
 *
 * @example
 * const sgemm = createWasmSgemm(tfBackend);
 */
export function createWasmSgemm(tfBackend: BackendWasm): WasmSgemm | null {
  // No SIMD in this engine (the module fails to compile): TF.js's kernel stays.
  const heap = instantiateOnHeap(tfBackend, SGEMM_WASM_BASE64);
  if (heap === null) return null;
  const sgemm = heap.exports.sgemm as SgemmExport;
  const { wasm, address } = heap;

  return {
    batchMatMul(a, b, transposeA, transposeB) {
      const rank = a.shape.length;
      if (a.dtype !== 'float32' || b.dtype !== 'float32') return null;
      if (rank !== b.shape.length || (rank !== 2 && rank !== 3)) return null;
      const batchA = rank === 3 ? a.shape[0] : 1;
      const batchB = rank === 3 ? b.shape[0] : 1;
      if (batchA !== batchB && batchA !== 1 && batchB !== 1) return null;
      const [ra, ca] = a.shape.slice(-2);
      const [rb, cb] = b.shape.slice(-2);
      const m = transposeA ? ca : ra;
      const k = transposeA ? ra : ca;
      const n = transposeB ? rb : cb;
      if ((transposeB ? cb : rb) !== k) return null;
      const batch = Math.max(batchA, batchB);
      const shape = rank === 3 ? [batch, m, n] : [m, n];
      const size = batch * m * n;
      // Rows of A per chunk, so its packed copy stays in L2; a multiple of ROWS.
      const mc = Math.max(ROWS, Math.floor(PACKED_A_FLOATS / Math.max(k, 1) / ROWS) * ROWS);
      const packedRows = Math.ceil(Math.min(mc, m) / ROWS) * ROWS;
      // sgemm.wat's scratch: a panel of B (K×8), a block of C (ROWS×8), packed rows of A.
      const scratchBytes = (k * 8 + ROWS * 8 + packedRows * k) * 4;
      // Allocate first, read addresses after: a malloc may grow the heap (addresses stay,
      // the ArrayBuffer is replaced), and nothing else is allocated once they are read.
      const scratch = size > 0 ? wasm._malloc(scratchBytes) >>> 0 : 0;
      let out: TensorInfo | null = null;
      try {
        out = heap.makeOutput(shape, 'float32');
        if (size === 0) return out;
        const aBase = address(a);
        const bBase = address(b);
        const cBase = address(out);
        const aStep = batchA === 1 ? 0 : m * k * 4;
        const bStep = batchB === 1 ? 0 : k * n * 4;
        // A[i][p] = a[i*aRowStride + p*aKStride]; B[p][j] = b[p*bKStride + j*bColStride].
        const aRowStride = transposeA ? 1 : k;
        const aKStride = transposeA ? m : 1;
        const bKStride = transposeB ? 1 : n;
        const bColStride = transposeB ? k : 1;
        for (let i = 0; i < batch; i++) {
          sgemm(
            m,
            n,
            k,
            aBase + i * aStep,
            aRowStride,
            aKStride,
            bBase + i * bStep,
            bKStride,
            bColStride,
            cBase + i * m * n * 4,
            scratch,
            mc,
          );
        }
        return out;
      } catch (e) {
        if (out !== null) heap.disposeData(out.dataId);
        throw e;
      } finally {
        if (scratch !== 0) wasm._free(scratch);
      }
    },
  };
}
