export {
  type Array2StringOptions,
  type ArrayData,
  array2string,
  arrayRepr,
  arrayStr,
} from './array-str.js';
export { type ElementValue, elementFormatter } from './element-formatter.js';
export {
  type DecimalDigits,
  type Dragon4Options,
  dragon4,
  float32Repr,
  float64Repr,
  formatFloatPositional,
  formatFloatScientific,
  type PositionalOptions,
  type ScientificOptions,
  shortestDigits,
  type TrimMode,
} from './float32-repr.js';
export { floatingFormat } from './floating-format.js';
export { type FormatArrayOptions, formatArray } from './format-array.js';
export { listRepr, type NDArrayReprInput, ndarrayRepr } from './ndarray-repr.js';
export { type FloatDtype, isFloatDtype, isImpliedDtype, type PrintDtype } from './print-dtype.js';
export { scalarRepr, scalarStr } from './scalar-repr.js';
