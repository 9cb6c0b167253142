/**
 * How MXNet's CPU `LaunchRNG` (`src/operator/random/sampler.h`) cuts one sampling call of N
 * values into contiguous chunks, one per engine. OpenMP scheduling does not matter: "thread"
 * t always uses engine t, so the chunking alone fixes which engine makes which value.
 */

/**
 * Engines in the CPU parallel generator.
 *
 * MXNet equivalent: `RandGenerator<cpu>::kNumRandomStates` (1024).
 * @example NUM_RANDOM_STATES; // 1024
 */
export const NUM_RANDOM_STATES = 1024;

/**
 * Fewest values an engine is given before another engine is brought in.
 *
 * MXNet equivalent: `RandGenerator<cpu>::kMinNumRandomPerThread` (64).
 * @example MIN_NUM_RANDOM_PER_THREAD; // 64
 */
export const MIN_NUM_RANDOM_PER_THREAD = 64;

/**
 * The chunking of one call: engine `t` (0 <= t < nthread) fills output indices
 * `[t*step, min((t+1)*step, n))`, which is empty for some trailing t when step does not
 * divide n.
 *
 * MXNet equivalent: the `nthread`/`step` locals of `LaunchRNG` plus `RNG_KERNEL_LOOP`'s bounds.
 * @example const { nthread, step } = launchRngSplit(100); // 2, 50
 */
export interface LaunchRngSplit {
  /** Output size N. */
  readonly n: number;
  /** Engines launched: min(ceil(N/64), 1024); 0 when N = 0. */
  readonly nthread: number;
  /** Values per engine: ceil(N / nthread); 0 when N = 0. */
  readonly step: number;
}

/**
 * Computes the chunking of a sampling call over `n` output values.
 *
 * MXNet equivalent: `LaunchRNG<OP, cpu>(s, gen, N, ...)`.
 * @example launchRngSplit(65537); // { n: 65537, nthread: 1009, step: 65 }
 */
export function launchRngSplit(n: number): LaunchRngSplit {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`sample count must be a non-negative safe integer, got ${n}`);
  }
  if (n === 0) return { n, nthread: 0, step: 0 };
  const nloop = Math.ceil(n / MIN_NUM_RANDOM_PER_THREAD);
  const nthread = Math.min(nloop, NUM_RANDOM_STATES);
  const step = Math.ceil(n / nthread);
  return { n, nthread, step };
}

/**
 * One engine's share of a call: `engine` fills output indices `[start, end)`.
 *
 * MXNet equivalent: one OpenMP iteration `id` of `Kernel<OP, cpu>::Launch` under `LaunchRNG`.
 * @example const c: RngChunk = { engine: 1, start: 50, end: 100 };
 */
export interface RngChunk {
  /** Engine index, equal to the OpenMP "thread" id in `LaunchRNG`. */
  readonly engine: number;
  /** First output index (inclusive). */
  readonly start: number;
  /** Last output index (exclusive); `end > start` for listed chunks. */
  readonly end: number;
}

/**
 * Lists the non-empty chunks of a call over `n` values, in engine order.
 *
 * MXNet equivalent: the per-thread ranges of `RNG_KERNEL_LOOP` under `LaunchRNG`.
 * @example launchRngChunks(100); // [{engine:0,start:0,end:50},{engine:1,start:50,end:100}]
 */
export function launchRngChunks(n: number): RngChunk[] {
  const { nthread, step } = launchRngSplit(n);
  const chunks: RngChunk[] = [];
  for (let t = 0; t < nthread; t++) {
    const start = t * step;
    if (start >= n) break;
    chunks.push({ engine: t, start, end: Math.min(start + step, n) });
  }
  return chunks;
}
