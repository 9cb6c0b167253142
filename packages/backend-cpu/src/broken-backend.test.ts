import { runConformance } from '@mxts/conformance';
import type { Backend, KernelName } from '@mxts/core';
import { expect, test } from 'vitest';
import { createCpuBackend } from './index.js';

/** The CPU backend with one kernel's output perturbed by 1e-3: the suite must notice. */
async function perturbed(kernel: KernelName): Promise<Backend> {
  const base = await createCpuBackend();
  return {
    ...base,
    run(k, inputs, attrs) {
      const out = base.run(k, inputs, attrs);
      if (k !== kernel) return out;
      const values = base.readSync(out[0]).map((v) => v + 1e-3);
      base.dispose(out[0]);
      return [base.write(values, out[0].shape, out[0].dtype)];
    },
  };
}

test('a backend whose exp is off by 1e-3 fails the suite, and the failures name exp', async () => {
  const report = await runConformance(() => perturbed('exp'));
  const failed = report.cases.filter((c) => c.status === 'failed');
  expect(report.status).toBe('failed');
  expect(failed.length).toBeGreaterThan(0);
  expect(failed.some((c) => /exp/.test(c.id))).toBe(true);
  // The cases that never call exp still pass.
  expect(report.summary.passed).toBeGreaterThan(failed.length);
});
