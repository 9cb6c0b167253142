import { allCases, runCaseExpecting, runConformance } from '@mxts/conformance';
import * as mx from '@mxts/core';
import { expect, test } from 'vitest';
import { createTfjsNodeBackend, knownFailures } from './index.js';

// tfjs-node is an optional peer: where it is installed the whole suite runs on it; where it
// is not (this repository's CI), the suite must report it unavailable, with the cause.
const started = await createTfjsNodeBackend().then(
  (backend) => ({ backend, error: null }),
  (error: unknown) => ({ backend: null, error }),
);

if (started.backend === null) {
  test('without @tensorflow/tfjs-node every case is unavailable, with the cause and the fix', async () => {
    expect(started.error).toBeInstanceOf(mx.BackendUnavailableError);
    const report = await runConformance(createTfjsNodeBackend, { knownFailures });
    expect(report.status).toBe('unavailable');
    expect(report.summary.passed + report.summary.failed).toBe(0);
    expect(report.summary.unavailable).toBe(allCases().length);
    expect(report.description).toContain('@tensorflow/tfjs-node is not installed');
    expect(report.description).toContain('npm install @tensorflow/tfjs-node');
    for (const c of report.cases) expect(c.message).toBe(report.description);
  });
} else {
  const backend = started.backend;
  mx.useBackend(backend);
  const known = new Map(knownFailures.map((k) => [k.id, k]));
  for (const c of allCases()) {
    test(c.id, async (ctx) => {
      const r = await runCaseExpecting(c, backend, known);
      // A capability the backend does not declare (float64) is reported, not hidden.
      if (r.status === 'unavailable') ctx.skip(r.message);
      expect(r.status, r.message).not.toBe('failed');
    });
  }
}
