import { allCases, runCaseExpecting, runConformance } from '@mxts/conformance';
import * as mx from '@mxts/core';
import { expect, test } from 'vitest';
import { createTfjsNodeBackend, knownFailures } from './index.js';

// tfjs-node's JS is a devDependency here; its native addon and libtensorflow come from its own
// install (which downloads) or from `mxts-tfjs-node-setup` (which .ci/run runs). Where they
// are there, the whole suite runs on it. In CI (CI=true, or MXTS_TFJS_NODE_REQUIRED=1) the
// backend must start: a machine that lost its setup fails here instead of passing quietly.
const required = process.env.CI === 'true' || process.env.MXTS_TFJS_NODE_REQUIRED === '1';
const started = await createTfjsNodeBackend().then(
  (backend) => ({ backend, error: null }),
  (error: unknown) => ({ backend: null, error: error as Error }),
);

const failingLoad = () =>
  Promise.reject(
    Object.assign(new Error('libtensorflow.so.2: cannot open shared object file'), {
      code: 'ERR_DLOPEN_FAILED',
    }),
  );

test('with a loader that fails, every case is unavailable, with the cause and the fix', async () => {
  const report = await runConformance(() => createTfjsNodeBackend({ load: failingLoad }), {
    knownFailures,
  });
  expect(report.status).toBe('unavailable');
  expect(report.summary.passed + report.summary.failed).toBe(0);
  expect(report.summary.unavailable).toBe(allCases().length);
  expect(report.description).toContain('native binding');
  expect(report.description).toContain('npx mxts-tfjs-node-setup');
  for (const c of report.cases) expect(c.message).toBe(report.description);
});

if (started.backend === null) {
  const why = started.error?.message ?? String(started.error);
  test(`tfjs-node is unavailable here${required ? ', but CI requires it' : ''}: ${why}`, () => {
    expect(started.error).toBeInstanceOf(mx.BackendUnavailableError);
    console.warn(`unavailable: ${why}`);
    if (required) {
      throw new Error(
        `CI requires the tfjs-node backend (CI=true or MXTS_TFJS_NODE_REQUIRED=1), but it is unavailable: ${why}. ` +
          'Run `pnpm exec mxts-tfjs-node-setup` in packages/backend-tfjs-node (.ci/run does).',
      );
    }
  });
} else {
  const backend = started.backend;
  mx.useBackend(backend);
  const known = new Map(knownFailures.map((k) => [k.id, k]));
  test(`runs on ${backend.capabilities.description}`, () => {
    expect(backend.name).toBe('tfjs-node');
  });
  for (const c of allCases()) {
    test(c.id, async (ctx) => {
      const r = await runCaseExpecting(c, backend, known);
      // A capability the backend does not declare (float64) is reported, not hidden.
      if (r.status === 'unavailable') ctx.skip(r.message);
      expect(r.status, r.message).not.toBe('failed');
    });
  }
}
