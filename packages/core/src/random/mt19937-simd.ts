/**
 * The float32 uniform sampler on WebAssembly SIMD (mt19937-simd.wat): the same bits as the
 * JS loop of random-generator.ts at several times its speed, used where the engine supports
 * wasm SIMD. The module is compiled synchronously (it is under 1 KB, which browsers allow on
 * the main thread) on first use, once, and works in its own 64 KiB memory; values reach the
 * caller's array through `out.set`, so `out` may be any Float32Array (a view of another wasm
 * heap included).
 */

import type { MT19937 } from './mt19937.js';
import { MT19937_SIMD_WASM_BASE64 } from './mt19937-simd-wasm.js';

const MT_N = 624;
/** Byte offset of the output floats in the module's memory (see the WAT's layout). */
const OUT_BYTE = 2560;
/** Floats the module writes per call (65536 - 2560 bytes, less 3 floats of scratch). */
const OUT_CAPACITY = 15740;

interface Mt19937SimdKernel {
  readonly uniform: (idx: number, count: number, lo: number, range: number) => number;
  readonly state: Uint32Array;
  readonly values: Float32Array;
}

/** undefined: not tried yet; null: unavailable (no WebAssembly, or no SIMD). */
let kernel: Mt19937SimdKernel | null | undefined;
let enabled = true;
/**
 * Fewest values per engine chunk worth the wasm call (every chunk of a call over 64 values
 * but a short last one). Measured (2 shared cores, Node 20, medians): at 64 values per
 * engine (calls of 4,096 to 65,536 values) the wasm path is 0.8-1.3x the JS loop's speed,
 * at 98 1.2-1.6x, at 9,766 (1e7 values) 3-4x.
 */
const DEFAULT_MIN_COUNT = 64;
let minCount = DEFAULT_MIN_COUNT;

function instantiate(): Mt19937SimdKernel | null {
  try {
    const bytes = Uint8Array.from(atob(MT19937_SIMD_WASM_BASE64), (c) => c.charCodeAt(0));
    // Engines without SIMD (or without WebAssembly or atob) throw here and keep the JS path.
    const { memory, uniform } = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports as {
      memory: WebAssembly.Memory;
      uniform: Mt19937SimdKernel['uniform'];
    };
    // The memory is never grown, so these views stay attached.
    return {
      uniform,
      state: new Uint32Array(memory.buffer, 0, MT_N),
      values: new Float32Array(memory.buffer, OUT_BYTE, OUT_CAPACITY),
    };
  } catch {
    return null;
  }
}

function getKernel(): Mt19937SimdKernel | null {
  if (!enabled) return null;
  if (kernel === undefined) kernel = instantiate();
  return kernel;
}

/**
 * Whether {@link uniformChunkF32Simd} runs the wasm module here (false: the JS path is used).
 * @internal
 */
export function mt19937SimdAvailable(): boolean {
  return getKernel() !== null;
}

/**
 * Turns the wasm sampler off (`enabled: false`) or back on, and sets the fewest values per
 * chunk it takes (default 64; 0 sends every chunk to it), so that tests can compare both
 * paths on any size in one process. Not public API.
 * @internal
 */
export function setMt19937SimdOptions(options: { enabled?: boolean; minCount?: number }): void {
  enabled = options.enabled ?? true;
  minCount = options.minCount ?? DEFAULT_MIN_COUNT;
}

/**
 * out[i] = float32(lo + float32(range * u)) for i in [start, end), u the clamped canonical
 * float of each next draw of `e`, advancing `e` as that many draws do (lo and range float32
 * values). Returns false, touching nothing, where the JS loop should run instead: no wasm
 * SIMD, a chunk too short to pay for the state copies, or non-finite lo/range (whose NaN
 * results could carry other bits in wasm than in JS).
 * @internal
 */
export function uniformChunkF32Simd(
  e: MT19937,
  out: Float32Array,
  start: number,
  end: number,
  lo: number,
  range: number,
): boolean {
  if (end - start < minCount || !Number.isFinite(lo) || !Number.isFinite(range)) return false;
  const k = getKernel();
  if (k === null) return false;
  const { state, values, uniform } = k;
  const first = e.index;
  // Without a twist the module only reads the words it tempers and changes no state word,
  // so short draws copy just those words in and nothing back.
  const twists = first + (end - start) > MT_N;
  if (twists) state.set(e.mt);
  else state.set(e.mt.subarray(first, first + (end - start)), first);
  let idx = first;
  for (let i = start; i < end; ) {
    const count = Math.min(OUT_CAPACITY, end - i);
    idx = uniform(idx, count, lo, range);
    out.set(count === OUT_CAPACITY ? values : values.subarray(0, count), i);
    i += count;
  }
  if (twists) e.mt.set(state);
  e.index = idx;
  return true;
}
