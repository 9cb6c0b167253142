// Test helper (not built, not published): one WebGPU backend per test file, or the reason
// there is none. Without an adapter the tests fail with that reason, unless
// MXTS_WEBGPU_OPTIONAL=1 says a machine without WebGPU may skip them.
import type { WebGpuBackend } from './create-webgpu-backend.js';
import { createWebGpuBackend } from './create-webgpu-backend.js';

export const optional = process.env.MXTS_WEBGPU_OPTIONAL === '1';

let opened: Promise<WebGpuBackend | Error> | undefined;

/** The file's backend (made on first use), or the error that prevented it. */
export function openBackend(): Promise<WebGpuBackend | Error> {
  opened ??= createWebGpuBackend().catch((e: unknown) =>
    e instanceof Error ? e : new Error(String(e)),
  );
  return opened;
}

/**
 * The backend, or: skip the test (MXTS_WEBGPU_OPTIONAL=1) or throw the reason (default).
 * `skip` is vitest's `ctx.skip`.
 */
export async function backendOrSkip(skip: (note: string) => never): Promise<WebGpuBackend> {
  const b = await openBackend();
  if (!(b instanceof Error)) return b;
  if (optional) skip(`no WebGPU adapter (MXTS_WEBGPU_OPTIONAL=1): ${b.message}`);
  throw new Error(
    `${b.message}\n(Set MXTS_WEBGPU_OPTIONAL=1 to skip on a machine without WebGPU.)`,
  );
}

/** Closes the file's backend, so the worker process can exit. */
export async function closeBackend(): Promise<void> {
  const b = await opened;
  if (b !== undefined && !(b instanceof Error)) b.close();
  opened = undefined;
}
