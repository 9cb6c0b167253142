import { memory } from '@mxts/core';
import { settleMemory } from '../settle-memory.js';
import { expectFlatMemory } from './expect-flat-memory.js';
import { type SoakOptions, type SoakResult, spiralsSoak } from './spirals-soak.js';

/** Options of {@link soakAndCheck}. */
export interface SoakCheckOptions extends SoakOptions {
  /** Training accuracy the run must reach (default 0; 2,000 steps reach 0.97 and more). */
  minAccuracy?: number;
}

/**
 * Runs {@link spiralsSoak} and throws unless it kept the memory rules
 * ({@link expectFlatMemory}), learned the spirals (`minAccuracy`), and,
 * once the collector has run, left nothing behind: the unscoped modes' dropped losses are
 * reclaimed by their finalizers.
 *
 * @example
 * const r = await soakAndCheck({ mode: 'adam', minAccuracy: 0.97 });
 * console.log(r.samples); // live arrays and bytes at steps 10, 1000, 2000
 */
export async function soakAndCheck(options: SoakCheckOptions): Promise<SoakResult> {
  const { minAccuracy = 0, ...soak } = options;
  const before = memory();
  const r = await spiralsSoak(soak);
  expectFlatMemory(r);
  if (!(r.accuracy >= minAccuracy)) {
    throw new Error(
      `soak '${r.mode}': training accuracy ${r.accuracy}, expected at least ${minAccuracy}`,
    );
  }
  // Below zero when an earlier run's dropped arrays were collected too.
  const left = await settleMemory(before);
  if (left.arrays > 0 || left.bytes > 0) {
    throw new Error(
      `soak '${r.mode}': ${left.arrays} arrays (${left.bytes} bytes) still live after the ` +
        'collector ran',
    );
  }
  return r;
}
