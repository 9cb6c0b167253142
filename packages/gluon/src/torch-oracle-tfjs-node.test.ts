import { createTfjsNodeBackend } from '@mxts/backend-tfjs-node';
import { runCaseExpecting, torchOracleGluonCases } from '@mxts/conformance';
import * as mx from '@mxts/core';
import { expect, test } from 'vitest';
import * as gluon from './index.js';

// The PyTorch-oracle Gluon cases on the native backend, where tfjs-node is set up
// (`mxts-tfjs-node-setup`; .ci/run runs it). CI (CI=true or MXTS_TFJS_NODE_REQUIRED=1)
// requires it to start, as the backend's own tests do.
const required = process.env.CI === 'true' || process.env.MXTS_TFJS_NODE_REQUIRED === '1';
const started = await createTfjsNodeBackend().then(
  (backend) => ({ backend, error: null }),
  (error: unknown) => ({ backend: null, error: error as Error }),
);

if (started.backend === null) {
  const why = started.error?.message ?? String(started.error);
  test(`tfjs-node is unavailable here${required ? ', but CI requires it' : ''}: ${why}`, () => {
    expect(started.error).toBeInstanceOf(mx.BackendUnavailableError);
    console.warn(`unavailable: ${why}`);
    if (required)
      throw new Error(`CI requires the tfjs-node backend, but it is unavailable: ${why}`);
  });
} else {
  const backend = started.backend;
  for (const c of torchOracleGluonCases(gluon)) {
    test(c.id, async () => {
      mx.useBackend(backend);
      const r = await runCaseExpecting(c, backend, new Map());
      expect(r.status, r.message).toBe('passed');
    });
  }
}
