import { memory } from '@mxts/core';

type Gc = () => void;
let gc: Gc | null | undefined;

async function findGc(): Promise<Gc | null> {
  const g = (globalThis as { gc?: Gc }).gc;
  if (typeof g === 'function') return g;
  try {
    // Node: expose the collector at run time, so the CLI needs no --expose-gc flag.
    const v8 = await import('node:v8');
    const vm = await import('node:vm');
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as Gc;
  } catch {
    return null;
  }
}

/**
 * Collects garbage until the live arrays fall back to `baseline` (finalizers free what
 * the program dropped). Returns the arrays still live above the baseline.
 */
export async function settleMemory(baseline: {
  arrays: number;
  bytes: number;
}): Promise<{ arrays: number; bytes: number }> {
  if (gc === undefined) gc = await findGc();
  for (let i = 0; i < 20; i++) {
    const now = memory();
    if (now.arrays <= baseline.arrays && now.bytes <= baseline.bytes) break;
    gc?.();
    await new Promise((r) => setTimeout(r, i < 5 ? 0 : 5));
  }
  const now = memory();
  return { arrays: now.arrays - baseline.arrays, bytes: now.bytes - baseline.bytes };
}
