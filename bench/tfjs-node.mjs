// The tfjs-node backend for the benchmarks, or why it is not available here.

import { createTfjsNodeBackend } from '@mxts/backend-tfjs-node';

let started;

/** `{ backend }`, or `{ why }` when tfjs-node cannot start (not set up). */
export function tfjsNode() {
  started ??= createTfjsNodeBackend().then(
    (backend) => ({ backend }),
    (e) => ({ why: e?.reason ?? e?.message ?? String(e) }),
  );
  return started;
}
