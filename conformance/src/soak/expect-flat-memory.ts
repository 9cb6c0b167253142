import type { SoakResult } from './spirals-soak.js';

/**
 * Throws unless a soak kept MXTS's memory rules: a scoped loop ends each step with exactly the
 * arrays it had after its first step; an unscoped loop holds at most what the program keeps
 * plus one unreached loss per step. The spirals must also have been learned (loss halved),
 * so a loop that silently stopped training cannot pass.
 *
 * @example
 * expectFlatMemory(await spiralsSoak({ mode: 'scope' }));
 */
export function expectFlatMemory(r: SoakResult): void {
  const where = `soak '${r.mode}' (${r.steps} steps)`;
  if (r.mode === 'scope') {
    const off = r.samples.filter((s) => s.arrays !== r.afterFirstStep);
    if (off.length > 0) {
      throw new Error(
        `${where}: live arrays moved from ${r.afterFirstStep} after step 1 to ` +
          off.map((s) => `${s.arrays} at step ${s.step}`).join(', '),
      );
    }
    if (r.afterFirstStep !== r.held) {
      throw new Error(
        `${where}: ${r.afterFirstStep} live arrays after step 1, but the program holds ${r.held}`,
      );
    }
  } else if (r.maxExcess > 0) {
    throw new Error(
      `${where}: up to ${r.maxExcess} arrays more than the program holds (${r.held}) plus one ` +
        'unreached loss per step',
    );
  }
  if (!(r.lastLoss < r.firstLoss / 2)) {
    throw new Error(`${where}: the loss went from ${r.firstLoss} to ${r.lastLoss}, not halved`);
  }
}
