import { type SoakMode, soakAndCheck } from '@mxts/conformance';
import * as mx from '@mxts/core';
import { beforeAll, test } from 'vitest';
import { createWasmBackend } from './index.js';

// Issue 7's soak on wasm: synchronous reads, so the loop never yields to a finalizer.
beforeAll(async () => {
  mx.useBackend(await createWasmBackend());
  mx.setLeakWarning(false);
});

for (const mode of ['scope', 'sgd', 'adam'] as const satisfies readonly SoakMode[]) {
  test(`spirals soak '${mode}': 2000 steps with flat memory`, async () => {
    const r = await soakAndCheck({ mode, minAccuracy: 0.97 });
    console.log(`wasm ${mode}`, JSON.stringify(r.samples), `${r.msPerStep.toFixed(2)} ms/step`);
  }, 600_000);
}
