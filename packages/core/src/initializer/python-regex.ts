/**
 * Translates the Python `re` syntax that differs from JavaScript's: named groups
 * `(?P<name>...)` and back-references `(?P=name)`, and the anchors `\A` / `\Z`. @internal
 */
export function pythonRegexSource(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) {
      const n = pattern[i + 1];
      if (n === 'A') out += '^';
      else if (n === 'Z') out += '$(?![\\s\\S])';
      else out += c + n;
      i++;
      continue;
    }
    if (pattern.startsWith('(?P<', i)) {
      out += '(?<';
      i += 3;
      continue;
    }
    const ref = /^\(\?P=(\w+)\)/.exec(pattern.slice(i));
    if (ref !== null) {
      out += `\\k<${ref[1]}>`;
      i += ref[0].length - 1;
      continue;
    }
    out += c;
  }
  return out;
}

/**
 * Python's `re.compile(pattern).match`: anchored at the start of the string, not at its end.
 * @internal
 */
export function pythonMatcher(pattern: string): RegExp {
  return new RegExp(`^(?:${pythonRegexSource(pattern)})`);
}
