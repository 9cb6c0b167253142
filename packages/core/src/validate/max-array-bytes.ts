import { InvalidArgumentError } from '../errors/invalid-argument-error.js';

// 1 GiB: TF.js's wasm heap tops out at 2 GiB (wasm32) and an op holds its inputs and its
// output there at once, and V8 refuses typed arrays not far above; an array under this
// limit leaves room for both on every backend.
const DEFAULT_MAX_ARRAY_BYTES = 2 ** 30;

let limit: number | undefined;

function fromEnv(): number {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
    ?.env?.MXTS_MAX_ARRAY_BYTES;
  if (env === undefined || env === '') return DEFAULT_MAX_ARRAY_BYTES;
  const n = Number(env);
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new InvalidArgumentError(
      'MXTS_MAX_ARRAY_BYTES',
      `'${env}' is not a positive integer number of bytes; unset it or give e.g. 1073741824`,
    );
  }
  return n;
}

/**
 * The largest array, in bytes, that any op may create (1 GiB unless `MXTS_MAX_ARRAY_BYTES`
 * or `setMaxArrayBytes` says otherwise). MXTS-only: MXNet has no such limit and lets the
 * allocator fail.
 *
 * @example mx.maxArrayBytes(); // 1073741824
 */
export function maxArrayBytes(): number {
  limit ??= fromEnv();
  return limit;
}

/**
 * Sets the size limit checked before every allocation and returns the previous one; `null`
 * restores the default (the environment's `MXTS_MAX_ARRAY_BYTES`, else 1 GiB).
 *
 * @example
 * const prev = mx.setMaxArrayBytes(64 * 2 ** 20); // 64 MiB while testing
 * mx.setMaxArrayBytes(prev);
 */
export function setMaxArrayBytes(bytes: number | null): number {
  if (bytes !== null && (!Number.isSafeInteger(bytes) || bytes < 1)) {
    throw new InvalidArgumentError(
      'setMaxArrayBytes',
      `bytes=${String(bytes)} must be a positive integer (or null for the default)`,
    );
  }
  const prev = maxArrayBytes();
  limit = bytes ?? undefined;
  return prev;
}
