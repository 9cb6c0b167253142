import { type SoakMode, soakAndCheck, spiralsSoak } from '@mxts/conformance';
import * as mx from '@mxts/core';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { createCpuBackend } from './index.js';

// Issue 7's soak: 2,000 steps of the spirals MLP in a loop that never yields (synchronous
// reads), so no finalizer runs and only the memory rules keep it flat.
const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
beforeAll(async () => {
  mx.useBackend(await createCpuBackend());
  mx.setLeakWarning(true);
});
afterAll(() => warn.mockRestore());

const leakWarnings = () =>
  warn.mock.calls.filter(
    (c) => (c[1] as { type?: string } | undefined)?.type === 'MXTSMemoryWarning',
  );

for (const mode of ['scope', 'sgd', 'adam'] as const satisfies readonly SoakMode[]) {
  test(`spirals soak '${mode}': 2000 steps with flat memory`, async () => {
    const r = await soakAndCheck({ mode, minAccuracy: 0.97 });
    console.log(`cpu ${mode}`, JSON.stringify(r.samples), `${r.msPerStep.toFixed(2)} ms/step`);
    // The scoped loop never trips the leak warning; the unscoped one (a loss per step left to
    // a finalizer that cannot run) trips it once, and only once.
    expect(leakWarnings()).toHaveLength(mode === 'scope' ? 0 : 1);
  }, 600_000);
}

test('bad soak arguments raise InvalidArgumentError before anything is allocated', async () => {
  const before = mx.memory().arrays;
  await expect(spiralsSoak({ mode: 'sgdd' as SoakMode })).rejects.toThrow(mx.InvalidArgumentError);
  await expect(spiralsSoak({ mode: 'sgd', steps: 0 })).rejects.toThrow(
    /steps must be an integer >= 1/,
  );
  await expect(spiralsSoak({ mode: 'sgd', pointsPerClass: 1.5 })).rejects.toThrow(/pointsPerClass/);
  expect(mx.memory().arrays).toBe(before);
});
