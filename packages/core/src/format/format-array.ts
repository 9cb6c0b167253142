/**
 * The layout arguments of numpy's `numpy.core.arrayprint._formatArray` (`line_width`,
 * `next_line_prefix`, `separator`, `edge_items`, `summary_insert`).
 *
 * @example
 * // what repr() uses: 'array(' is 6 characters and the suffix ',' or ')' takes one column
 * const repr: FormatArrayOptions = {
 *   lineWidth: 74, nextLinePrefix: '       ', separator: ', ', edgeItems: 3, summaryInsert: '',
 * };
 */
export interface FormatArrayOptions {
  /** `linewidth` less the length of the suffix that will follow the text. */
  readonly lineWidth: number;
  /** Indent of continuation lines: one space for the `[`, plus the prefix length. */
  readonly nextLinePrefix: string;
  /** `' '` for `str`, `', '` for `repr`. */
  readonly separator: string;
  readonly edgeItems: number;
  /** `'...'` when the array is summarized, else `''`. */
  readonly summaryInsert: string;
}

function extendLine(
  s: string,
  line: string,
  word: string,
  lineWidth: number,
  nextLinePrefix: string,
): [string, string] {
  // A line holding only its indent is not wrapped: a break would not make the word fit.
  if (line.length + word.length > lineWidth && line.length > nextLinePrefix.length) {
    return [`${s}${line.trimEnd()}\n`, nextLinePrefix + word];
  }
  return [s, line + word];
}

/**
 * The bracketed, wrapped layout of a row-major array, as numpy's
 * `numpy.core.arrayprint._formatArray` builds it (numpy ≥ 1.14, `legacy=False`): words are
 * wrapped at `lineWidth`, rows are separated by `separator.rstrip()` and one newline per
 * remaining axis, and summarized axes show `edgeItems` entries at each end around `'...'`.
 *
 * `element(flatIndex)` returns the already formatted (padded) text of one element.
 *
 * @example
 * formatArray((i) => `${i}.`, [2, 2], {
 *   lineWidth: 75, nextLinePrefix: ' ', separator: ' ', edgeItems: 3, summaryInsert: '',
 * }); // '[[0. 1.]\n [2. 3.]]'
 */
export function formatArray(
  element: (flatIndex: number) => string,
  shape: readonly number[],
  options: FormatArrayOptions,
): string {
  const { separator, edgeItems, summaryInsert } = options;
  const ndim = shape.length;
  const strides: number[] = new Array(ndim);
  let stride = 1;
  for (let axis = ndim - 1; axis >= 0; axis--) {
    strides[axis] = stride;
    stride *= shape[axis];
  }

  const recurse = (
    axis: number,
    offset: number,
    hangingIndent: string,
    currWidth: number,
  ): string => {
    if (axis === ndim) return element(offset);
    const axesLeft = ndim - axis;
    // Each nesting level adds one space of indent for its '[' and loses one column to its ']'.
    const nextHangingIndent = `${hangingIndent} `;
    const nextWidth = currWidth - 1;
    const length = shape[axis];
    const showSummary = summaryInsert !== '' && 2 * edgeItems < length;
    const leading = showSummary ? edgeItems : 0;
    const trailing = showSummary ? edgeItems : length;
    const child = (i: number) =>
      recurse(axis + 1, offset + i * strides[axis], nextHangingIndent, nextWidth);

    let s = '';
    if (axesLeft === 1) {
      const elemWidth = currWidth - Math.max(separator.trimEnd().length, 1);
      let line = hangingIndent;
      const add = (word: string) => {
        [s, line] = extendLine(s, line, word, elemWidth, hangingIndent);
      };
      for (let i = 0; i < leading; i++) {
        add(child(i));
        line += separator;
      }
      if (showSummary) {
        add(summaryInsert);
        line += separator;
      }
      for (let i = trailing; i > 1; i--) {
        add(child(length - i));
        line += separator;
      }
      add(child(length - 1));
      s += line;
    } else {
      const lineSep = separator.trimEnd() + '\n'.repeat(axesLeft - 1);
      for (let i = 0; i < leading; i++) s += hangingIndent + child(i) + lineSep;
      if (showSummary) s += hangingIndent + summaryInsert + lineSep;
      for (let i = trailing; i > 1; i--) s += hangingIndent + child(length - i) + lineSep;
      s += hangingIndent + child(length - 1);
    }
    return `[${s.slice(hangingIndent.length)}]`;
  };

  return recurse(0, 0, options.nextLinePrefix, options.lineWidth);
}
