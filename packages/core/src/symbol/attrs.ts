import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { attrString } from './py-repr.js';

/** An op node's parameters as MXNet stores them: strings. */
export type Attrs = Readonly<Record<string, string>>;

/** Reads a required int parameter (`num_hidden`). @internal */
export function attrInt(op: string, attrs: Attrs, key: string, def?: number): number {
  const v = attrs[key];
  if (v === undefined) {
    if (def !== undefined) return def;
    throw new InvalidArgumentError(
      op,
      `Required parameter ${key} of int is not presented (pass ${camel(key)})`,
    );
  }
  const n = Number(v);
  if (!Number.isInteger(n)) {
    throw new InvalidArgumentError(
      op,
      `Invalid Parameter format for ${key} expect int but value='${v}'`,
    );
  }
  return n;
}

/** Reads a float parameter. @internal */
export function attrFloat(op: string, attrs: Attrs, key: string, def: number): number {
  const v = attrs[key];
  if (v === undefined) return def;
  const n = Number(v);
  if (Number.isNaN(n) && v.toLowerCase() !== 'nan') {
    throw new InvalidArgumentError(
      op,
      `Invalid Parameter format for ${key} expect float but value='${v}'`,
    );
  }
  return n;
}

/** Reads a bool parameter (`True`, `False`, `1`, `0`, `true`, `false`). @internal */
export function attrBool(op: string, attrs: Attrs, key: string, def: boolean): boolean {
  const v = attrs[key];
  if (v === undefined) return def;
  if (v === 'True' || v === 'true' || v === '1') return true;
  if (v === 'False' || v === 'false' || v === '0') return false;
  throw new InvalidArgumentError(
    op,
    `Invalid Parameter format for ${key} expect boolean but value='${v}'`,
  );
}

/** Reads a string (enum) parameter, checking it against the allowed values. @internal */
export function attrEnum<T extends string>(
  op: string,
  attrs: Attrs,
  key: string,
  allowed: readonly T[],
  def?: T,
): T {
  const v = attrs[key];
  if (v === undefined) {
    if (def !== undefined) return def;
    throw new InvalidArgumentError(
      op,
      `Required parameter ${key} of string is not presented (pass ${camel(key)}: one of ${allowed.join(', ')})`,
    );
  }
  if (!(allowed as readonly string[]).includes(v)) {
    throw new InvalidArgumentError(
      op,
      `Invalid Input: '${v}', valid values are: {${allowed.map((a) => `'${a}'`).join(', ')}} for ${key}`,
    );
  }
  return v as T;
}

/** Parses MXNet's tuple text `(1, 3)` / `[1,3]` / `(3,)`. @internal */
export function parseShapeAttr(text: string): number[] | null {
  const inner = text
    .trim()
    .replace(/^[([]/, '')
    .replace(/[)\]]$/, '');
  if (inner.trim() === '') return [];
  const parts = inner
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const dims = parts.map(Number);
  return dims.every((d) => Number.isInteger(d)) ? dims : null;
}

function camel(key: string): string {
  return key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * MXTS camelCase options -> MXNet's attribute dict (snake_case keys, `str(value)` values),
 * keeping only the options that were given. @internal
 */
export function toAttrs(
  options: Readonly<Record<string, unknown>>,
  keys: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) {
    const v = options[k];
    if (v === undefined || v === null) continue;
    out[k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] = attrString(v);
  }
  return out;
}
