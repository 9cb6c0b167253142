/**
 * A value as dmlc's JSONWriter lays it out: arrays and objects say whether they break
 * lines (dmlc decides per container type: an array of numbers or node entries breaks past
 * 10 items, a string map past 1 entry, nodes always). @internal
 */
export type DmlcValue =
  | string
  | number
  | { readonly array: readonly DmlcValue[]; readonly multiLine: boolean }
  | { readonly object: readonly (readonly [string, DmlcValue])[]; readonly multiLine: boolean };

/** dmlc's WriteString: escapes only `\r`, `\n`, `\\`, `\t` and `"`. */
function dmlcString(s: string): string {
  return `"${s.replace(/[\r\n\\\t"]/g, (c) => ({ '\r': '\\r', '\n': '\\n', '\\': '\\\\', '\t': '\\t', '"': '\\"' })[c] ?? c)}"`;
}

/**
 * dmlc::JSONWriter's text for `value` (what nnvm's SaveJSON, and so MXNet's `tojson()`,
 * prints): a line break plus two spaces per open scope before each item of a multi-line
 * container, `", "` between items, and the closing bracket on its own line. @internal
 */
export function writeDmlcJson(value: DmlcValue): string {
  const out: string[] = [];
  // Depth counts open scopes, as dmlc's scope stack does (the top-level object is one).
  const write = (v: DmlcValue, depth: number): void => {
    if (typeof v === 'string') {
      out.push(dmlcString(v));
      return;
    }
    if (typeof v === 'number') {
      out.push(String(v));
      return;
    }
    const isArray = 'array' in v;
    const items: readonly (readonly [string | null, DmlcValue])[] = isArray
      ? v.array.map((x) => [null, x] as const)
      : v.object;
    const sep = v.multiLine ? `\n${'  '.repeat(depth + 1)}` : '';
    out.push(isArray ? '[' : '{');
    items.forEach(([key, item], i) => {
      if (i > 0) out.push(', ');
      out.push(sep);
      if (key !== null) out.push(`"${key}": `);
      write(item, depth + 1);
    });
    if (v.multiLine && items.length > 0) out.push(`\n${'  '.repeat(depth)}`);
    out.push(isArray ? ']' : '}');
  };
  write(value, 0);
  return out.join('');
}
