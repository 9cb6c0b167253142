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

/**
 * Reads constructor arguments given as Python would: positional in MXNet's order, then
 * optionally one trailing options object for the rest. More positional arguments than MXNet
 * takes, or one given twice, is an error (Python's TypeError), so none is silently dropped.
 * @internal
 */
export function readArgs(
  op: string,
  args: readonly unknown[],
  names: readonly string[],
): Record<string, unknown> {
  const hasOptions = args.length > 0 && isPlainObject(args[args.length - 1]);
  const positional = hasOptions ? args.slice(0, -1) : args;
  if (positional.length > names.length) {
    throw new InvalidArgumentError(
      op,
      `takes at most ${names.length} positional argument${names.length === 1 ? '' : 's'} (${names.join(', ') || 'none'}) but ${positional.length} were given; pass the rest in an options object`,
    );
  }
  const out: Record<string, unknown> = {};
  positional.forEach((v, i) => {
    if (v !== undefined) out[names[i]] = v;
  });
  if (hasOptions) {
    for (const [k, v] of Object.entries(readOptions(op, args[args.length - 1], names))) {
      if (k in out) {
        throw new InvalidArgumentError(op, `got multiple values for argument '${k}'`);
      }
      out[k] = v;
    }
  }
  return out;
}
