/**
 * Python's `json.dumps` / `json.loads` with default settings, keeping Python's int/float
 * distinction (ints as `bigint`, floats as {@link PyFloat}).
 */

import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { pythonFloatRepr } from '../random/python-float-repr.js';
import { PyFloat } from './py-float.js';

/** `json.dumps` of a float: `repr(float)`, with `NaN`/`Infinity` spelled as Python does. */
function floatText(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Number.POSITIVE_INFINITY) return 'Infinity';
  if (x === Number.NEGATIVE_INFINITY) return '-Infinity';
  return pythonFloatRepr(x);
}

/** `json.dumps` of a str with `ensure_ascii=True`: everything outside ' '..'~' is escaped. */
function stringText(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i];
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (c < 0x20 || c > 0x7e) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/**
 * Python's `json.dumps(value)` with default settings: `", "` and `": "` separators, keys in
 * insertion order, `true`/`false`/`null`, non-ASCII escaped. A `bigint` prints as a Python
 * int, a {@link PyFloat} as a Python float (`1.0`, `1e-05`), a plain number as an int when
 * integral and a float otherwise.
 *
 * MXNet equivalent: `json.dumps` in `Initializer.dumps`.
 * @example pyJsonDumps(['xavier', { magnitude: 3n }]); // '["xavier", {"magnitude": 3}]'
 */
export function pyJsonDumps(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof PyFloat) return floatText(value.value);
  if (typeof value === 'number') {
    return Number.isInteger(value) && !Object.is(value, -0) ? String(value) : floatText(value);
  }
  if (typeof value === 'string') return stringText(value);
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    return `[${Array.from(value as ArrayLike<unknown>, pyJsonDumps).join(', ')}]`;
  }
  if (value instanceof Map) {
    return `{${Array.from(value, ([k, v]) => `${stringText(String(k))}: ${pyJsonDumps(v)}`).join(', ')}}`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return `{${entries.map(([k, v]) => `${stringText(k)}: ${pyJsonDumps(v)}`).join(', ')}}`;
  }
  throw new InvalidArgumentError(
    'dumps',
    `Object of type ${typeof value} is not JSON serializable`,
  );
}

/**
 * Python's `json.loads`: ints become `bigint`, floats {@link PyFloat}, objects plain
 * records (insertion order kept); `NaN`, `Infinity` and `-Infinity` are accepted.
 *
 * MXNet equivalent: `json.loads` in `initializer.create`.
 * @example pyJsonLoads('["xavier", {"magnitude": 2}]'); // ['xavier', { magnitude: 2n }]
 */
export function pyJsonLoads(text: string): unknown {
  let i = 0;
  const fail = (what: string): never => {
    throw new InvalidArgumentError('create', `invalid JSON (${what} at character ${i}): ${text}`);
  };
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const value = (): unknown => {
    ws();
    const c = text[i];
    if (c === '[') {
      i++;
      const out: unknown[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return out;
      }
      for (;;) {
        out.push(value());
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return out;
        } else fail('expected , or ]');
      }
    }
    if (c === '{') {
      i++;
      const out: Record<string, unknown> = {};
      ws();
      if (text[i] === '}') {
        i++;
        return out;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a string key');
        const k = str();
        ws();
        if (text[i] !== ':') fail('expected :');
        i++;
        out[k] = value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return out;
        } else fail('expected , or }');
      }
    }
    if (c === '"') return str();
    for (const [word, v] of [
      ['true', true],
      ['false', false],
      ['null', null],
      ['NaN', new PyFloat(Number.NaN)],
      ['Infinity', new PyFloat(Number.POSITIVE_INFINITY)],
      ['-Infinity', new PyFloat(Number.NEGATIVE_INFINITY)],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    const m = /^-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (m === null) return fail('unexpected token');
    i += m[0].length;
    return m[1] === undefined && m[2] === undefined ? BigInt(m[0]) : new PyFloat(Number(m[0]));
  };
  const str = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) fail('unterminated string');
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const out = value();
  ws();
  if (i !== text.length) fail('extra data');
  return out;
}
