import type { KnownFailure } from '@mxts/core';

export type { KnownFailure };

/**
 * Conformance cases this backend fails for a known WebGPU or adapter limitation, each with
 * the reason and the fix. `mxts-conformance` reads this export; a case here that passes
 * fails the run, so the list cannot go stale.
 *
 * @example
 * import { runConformance } from '@mxts/conformance';
 * import { createWebGpuBackend, knownFailures } from '@mxts/backend-webgpu';
 * const report = await runConformance(() => createWebGpuBackend(), { knownFailures });
 */
export const knownFailures: readonly KnownFailure[] = [];
