import type { KnownFailure } from '@mxts/core';

/**
 * Conformance cases the wasm backend is known to fail, as `@mxts/conformance`'s
 * `KnownFailure` records: the case id, why it fails, and what would fix it.
 * `mxts-conformance --backend wasm` reads this list; a case on it that passes fails the run.
 *
 * @example
 * import { createWasmBackend, knownFailures } from '@mxts/backend-wasm';
 * await runConformance(() => createWasmBackend(), { knownFailures });
 */
export const knownFailures: readonly KnownFailure[] = [];
