/**
 * A conformance case expected to fail here, with why and what would fix it; the shape of
 * `@mxts/conformance`'s KnownFailure.
 *
 * @example
 * const k: KnownFailure = { id: 'ops/x/forward', reason: 'why it fails', fix: 'what fixes it' };
 */
export interface KnownFailure {
  readonly id: string;
  readonly reason: string;
  readonly fix: string;
}

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
