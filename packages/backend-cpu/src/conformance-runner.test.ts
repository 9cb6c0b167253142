import { runConformance } from '@mxts/conformance';
import { type Backend, BackendUnavailableError, type KernelName } from '@mxts/core';
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

test('a known failure that fails is counted, and one that passes fails the run', async () => {
  const knownFailures = [
    { id: 'ops/exp/forward', reason: 'exp is perturbed on purpose', fix: 'none: this is a test' },
    { id: 'autograd/B7-write-overwrites', reason: 'claimed to fail, but passes', fix: 'remove it' },
  ];
  const report = await runConformance(() => perturbed('exp'), {
    knownFailures,
    filter: 'exp/forward',
  });
  expect(report.cases.map((c) => [c.id, c.status])).toEqual([['ops/exp/forward', 'known-failure']]);
  expect(report.status).toBe('passed');
  const stale = await runConformance(() => createCpuBackend(), {
    knownFailures,
    filter: 'B7-write',
  });
  expect(stale.cases[0].status).toBe('failed');
  expect(stale.cases[0].message).toContain('unexpected pass');
  expect(stale.status).toBe('failed');
});

test('a backend that cannot start reports every case unavailable, with the reason', async () => {
  const report = await runConformance(() => {
    throw new BackendUnavailableError('nowhere', 'no such device (install one)');
  });
  expect(report.status).toBe('unavailable');
  expect(report.summary.unavailable).toBe(report.cases.length);
  expect(report.cases[0].message).toContain('no such device');
});
