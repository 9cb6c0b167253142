import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import type { NDArray } from '../../ndarray/ndarray.js';
import { add } from '../../ops/add.js';
import { divide } from '../../ops/divide.js';
import { elemwiseAdd } from '../../ops/elemwise-add.js';
import { elemwiseDiv } from '../../ops/elemwise-div.js';
import { elemwiseMul } from '../../ops/elemwise-mul.js';
import { elemwiseSub } from '../../ops/elemwise-sub.js';
import { multiply } from '../../ops/multiply.js';
import { subtract } from '../../ops/subtract.js';
import { composeOp } from '../compose.js';
import type { OpDef } from '../op-def.js';
import { pyFloatRepr } from '../py-repr.js';
import { Symbol } from '../symbol.js';
import { inferSameShape } from './same-shape.js';

function binaryOp(op: string, hint: string, f: (a: NDArray, b: NDArray) => NDArray): OpDef {
  return {
    op,
    hint,
    inputNames: () => ['lhs', 'rhs'],
    outputNames: () => ['output'],
    inferShape: (_attrs, inputs, outputs, name) => inferSameShape(op, name, inputs, outputs),
    forward: (_attrs, [a, b]) => [f(a, b)],
  };
}

function scalarOp(op: string, hint: string, f: (x: NDArray, s: number) => NDArray): OpDef {
  return {
    op,
    hint,
    inputNames: () => ['data'],
    outputNames: () => ['output'],
    inferShape: (_attrs, inputs, outputs, name) => inferSameShape(op, name, inputs, outputs),
    forward: (attrs, [x]) => [f(x, Number(attrs['scalar']))],
  };
}

/** `_Plus` (registered as `elemwise_add`). @internal */
export const plusOp = binaryOp('elemwise_add', '_plus', elemwiseAdd);
/** `_Minus` (registered as `elemwise_sub`). @internal */
export const minusOp = binaryOp('elemwise_sub', '_minus', elemwiseSub);
/** `_Mul` (registered as `elemwise_mul`). @internal */
export const mulOp = binaryOp('elemwise_mul', '_mul', elemwiseMul);
/** `_Div` (registered as `elemwise_div`). @internal */
export const divOp = binaryOp('elemwise_div', '_div', elemwiseDiv);
/** `_PlusScalar`. @internal */
export const plusScalarOp = scalarOp('_plus_scalar', '_plusscalar', (x, s) => add(x, s));
/** `_MinusScalar`. @internal */
export const minusScalarOp = scalarOp('_minus_scalar', '_minusscalar', (x, s) => subtract(x, s));
/** `_RMinusScalar`. @internal */
export const rminusScalarOp = scalarOp('_rminus_scalar', '_rminusscalar', (x, s) => subtract(s, x));
/** `_MulScalar`. @internal */
export const mulScalarOp = scalarOp('_mul_scalar', '_mulscalar', (x, s) => multiply(x, s));
/** `_DivScalar`. @internal */
export const divScalarOp = scalarOp('_div_scalar', '_divscalar', (x, s) => divide(x, s));
/** `_RDivScalar`. @internal */
export const rdivScalarOp = scalarOp('_rdiv_scalar', '_rdivscalar', (x, s) => divide(s, x));

/** Python's `str(number)` for a scalar attribute: ints as ints, floats as `repr(float)`. */
function scalarText(s: number): string {
  return Number.isInteger(s) && !Object.is(s, -0) ? String(s) : pyFloatRepr(s);
}

type Operand = Symbol | number;

function arith(
  what: string,
  a: Operand,
  b: Operand,
  sym: OpDef,
  scalar: OpDef,
  rscalar: OpDef,
): Symbol {
  if (a instanceof Symbol && b instanceof Symbol) return composeOp(sym, {}, { lhs: a, rhs: b });
  if (a instanceof Symbol && typeof b === 'number') {
    return composeOp(scalar, { scalar: scalarText(b) }, { data: a });
  }
  if (typeof a === 'number' && b instanceof Symbol) {
    return composeOp(rscalar, { scalar: scalarText(a) }, { data: b });
  }
  throw new InvalidArgumentError(
    what,
    `type (${typeof a}, ${typeof b}) not supported: pass Symbols or numbers, at least one Symbol`,
  );
}

/**
 * MXNet `a + b` on symbols: `_Plus` (node `_plus<n>`, op `elemwise_add`) for two symbols,
 * `_PlusScalar` (`_plusscalar<n>`) with a number.
 * @example mx.sym.add(a, b); mx.sym.add(a, 1); a.add(b);
 */
export function symAdd(a: Operand, b: Operand): Symbol {
  return arith('add', a, b, plusOp, plusScalarOp, plusScalarOp);
}

/**
 * MXNet `a - b` on symbols: `_Minus`, `_MinusScalar`, or `_RMinusScalar` for `number - symbol`.
 * @example mx.sym.sub(a, b); mx.sym.sub(1, a);
 */
export function symSub(a: Operand, b: Operand): Symbol {
  return arith('sub', a, b, minusOp, minusScalarOp, rminusScalarOp);
}

/**
 * MXNet `a * b` on symbols: `_Mul` or `_MulScalar`.
 * @example mx.sym.mul(a, 2);
 */
export function symMul(a: Operand, b: Operand): Symbol {
  return arith('mul', a, b, mulOp, mulScalarOp, mulScalarOp);
}

/**
 * MXNet `a / b` on symbols: `_Div`, `_DivScalar`, or `_RDivScalar` for `number / symbol`.
 * @example mx.sym.div(a, b); mx.sym.div(1, a);
 */
export function symDiv(a: Operand, b: Operand): Symbol {
  return arith('div', a, b, divOp, divScalarOp, rdivScalarOp);
}

/**
 * MXNet `-a` on a symbol: `_MulScalar` with scalar `-1.0`.
 * @example mx.sym.negative(a);
 */
export function symNeg(a: Symbol): Symbol {
  return composeOp(mulScalarOp, { scalar: '-1.0' }, { data: a });
}
