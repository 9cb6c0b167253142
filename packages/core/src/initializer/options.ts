import { InvalidArgumentError } from '../errors/invalid-argument-error.js';

/** True for a plain `{...}` options object (not an array, array-like class or null). @internal */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** snake_case -> camelCase: MXNet's keyword names as MXTS option names. @internal */
export function camelCase(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Reads an options object, accepting MXNet's snake_case names too, and rejects unknown keys
 * as Python rejects unexpected keyword arguments. @internal
 */
export function readOptions(
  op: string,
  options: unknown,
  allowed: readonly string[],
): Record<string, unknown> {
  if (options === undefined || options === null) return {};
  if (!isPlainObject(options)) {
    throw new InvalidArgumentError(op, `expected an options object, got ${String(options)}`);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(options)) {
    const key = camelCase(k);
    if (!allowed.includes(key)) {
      throw new InvalidArgumentError(
        op,
        `got an unexpected keyword argument '${k}' (accepted: ${allowed.join(', ') || 'none'})`,
      );
    }
    if (v !== undefined) out[key] = v;
  }
  return out;
}
