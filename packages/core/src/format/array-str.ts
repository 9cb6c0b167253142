import { type ElementValue, elementFormatter } from './element-formatter.js';
import { formatArray } from './format-array.js';
import { isImpliedDtype, type PrintDtype } from './print-dtype.js';
import { scalarRepr } from './scalar-repr.js';

/**
 * Array data as plain values in row-major (C) order, as `arr.ravel()` would list them; int64
 * may come as bigints (e.g. a `BigInt64Array`), bool as booleans or 0/1.
 *
 * @example
 * const data: ArrayData = new Float32Array([1, 2, 3, 4]); // shape [2, 2]
 */
export type ArrayData = ArrayLike<number> | ArrayLike<bigint> | ArrayLike<boolean>;

/** numpy's default print options (numpy 1.14–1.26). */
const LINE_WIDTH = 75;
const THRESHOLD = 1000;
const EDGE_ITEMS = 3;

/**
 * The `separator`, `prefix` and `suffix` arguments of `numpy.array2string`.
 *
 * @example
 * const repr: Array2StringOptions = { separator: ', ', prefix: 'array(', suffix: ',' };
 */
export interface Array2StringOptions {
  /** `' '` for `str`, `', '` for `repr`. */
  readonly separator?: string;
  /** Text that will precede the output (`'array('`); only its length is used. */
  readonly prefix?: string;
  /** Text that will follow the output (`','` or `')'`); only its length is used. */
  readonly suffix?: string;
}

function sizeOf(shape: readonly number[]): number {
  let size = 1;
  for (const n of shape) size *= n;
  return size;
}

function readElement(data: ArrayData, i: number): ElementValue {
  return (data as ArrayLike<ElementValue>)[i];
}

/** The flat indices numpy's `_leading_trailing` keeps: each long axis keeps its edge items. */
function shownIndices(shape: readonly number[], summarize: boolean): number[] {
  let indices = [0];
  let stride = 1;
  const perAxis: number[][] = [];
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    const n = shape[axis];
    const keep: number[] = [];
    if (summarize && n > 2 * EDGE_ITEMS) {
      for (let i = 0; i < EDGE_ITEMS; i++) keep.push(i);
      for (let i = n - EDGE_ITEMS; i < n; i++) keep.push(i);
    } else {
      for (let i = 0; i < n; i++) keep.push(i);
    }
    perAxis[axis] = keep.map((i) => i * stride);
    stride *= n;
  }
  for (const offsets of perAxis) {
    const next: number[] = [];
    for (const base of indices) for (const o of offsets) next.push(base + o);
    indices = next;
  }
  return indices;
}

/**
 * numpy's `np.array2string(a, separator=..., prefix=..., suffix=...)` with the default print
 * options: the bracketed body of `str(a)` and `repr(a)`. An empty array gives `'[]'`.
 *
 * @example
 * array2string([1, 2, 3], [3], 'float32', { separator: ', ', prefix: 'array(', suffix: ',' });
 * // '[1., 2., 3.]'
 */
export function array2string(
  data: ArrayData,
  shape: readonly number[],
  dtype: PrintDtype,
  options: Array2StringOptions = {},
): string {
  const separator = options.separator ?? ' ';
  const prefix = options.prefix ?? '';
  const suffix = options.suffix ?? '';
  const size = sizeOf(shape);
  if (size === 0) return '[]';
  const summarize = size > THRESHOLD;
  const shown = shownIndices(shape, summarize).map((i) => readElement(data, i));
  const format = elementFormatter(shown, dtype, shape.length === 0);
  return formatArray((i) => format(readElement(data, i)), shape, {
    lineWidth: LINE_WIDTH - suffix.length,
    nextLinePrefix: ' '.repeat(1 + prefix.length),
    separator,
    edgeItems: EDGE_ITEMS,
    summaryInsert: summarize ? '...' : '',
  });
}

/**
 * numpy's `str(arr)` (`np.array_str`) with the default print options, numpy 1.14–1.26. A 0-d
 * array prints as its scalar.
 *
 * @example
 * arrayStr(new Float32Array([0.0097627, 0.01856892, 0.04303787]), [1, 3], 'float32');
 * // '[[0.0097627  0.01856892 0.04303787]]'
 * arrayStr([1, 2, 30], [3], 'int64'); // '[ 1  2 30]'
 */
export function arrayStr(data: ArrayData, shape: readonly number[], dtype: PrintDtype): string {
  if (shape.length === 0) return scalarRepr(readElement(data, 0), dtype);
  return array2string(data, shape, dtype);
}

function pythonTupleRepr(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/**
 * numpy's `repr(arr)` (`np.array_repr`) with the default print options, numpy 1.14–1.26:
 * `array([...], dtype=float32)`, the dtype left out for `float64`, `int64` and `bool`, and moved
 * to its own line when it would pass column 75.
 *
 * @example
 * arrayRepr(new Float32Array([1, 2, 3]), [3], 'float32'); // 'array([1., 2., 3.], dtype=float32)'
 * arrayRepr([1.5], [1], 'float64'); // 'array([1.5])'
 * arrayRepr([], [2, 0], 'float32'); // 'array([], shape=(2, 0), dtype=float32)'
 */
export function arrayRepr(data: ArrayData, shape: readonly number[], dtype: PrintDtype): string {
  const size = sizeOf(shape);
  const skipDtype = isImpliedDtype(dtype) && size > 0;
  const prefix = 'array(';
  const suffix = skipDtype ? ')' : ',';
  const body =
    size > 0 || (shape.length === 1 && shape[0] === 0)
      ? array2string(data, shape, dtype, { separator: ', ', prefix, suffix })
      : `[], shape=${pythonTupleRepr(shape)}`;
  const text = prefix + body + suffix;
  if (skipDtype) return text;
  const dtypeText = `dtype=${dtype})`;
  const lastLineLength = text.length - (text.lastIndexOf('\n') + 1);
  const spacer =
    lastLineLength + dtypeText.length + 1 > LINE_WIDTH ? `\n${' '.repeat(prefix.length)}` : ' ';
  return text + spacer + dtypeText;
}
