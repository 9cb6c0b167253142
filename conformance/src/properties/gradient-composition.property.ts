import * as mx from '@mxts/core';
import fc from 'fast-check';
import { check, closeValues, values } from '../assertions.js';
import {
  fcParameters,
  leakFree,
  type PropertyBudget,
  type PropertyCheck,
} from './property-support.js';

const { nd, autograd: ag } = mx;

/**
 * An elementwise expression in x: MXTS builds it with ops, the reference evaluates it in float64.
 * @example const e: Expr = { kind: 'unary', op: 'floor', arg: { kind: 'x' } };
 */
export type Expr =
  | { readonly kind: 'x' }
  | { readonly kind: 'unary'; readonly op: string; readonly arg: Expr }
  | { readonly kind: 'scalar'; readonly op: 'mul' | 'add'; readonly c: number; readonly arg: Expr }
  | {
      readonly kind: 'binary';
      readonly op: 'add' | 'mul' | 'sub';
      readonly l: Expr;
      readonly r: Expr;
    };

interface UnarySpec {
  readonly mx: (v: mx.NDArray) => mx.NDArray;
  readonly f64: (v: number) => number;
  /** Distance of the input to the op's nearest jump (zero-gradient ops only). */
  readonly jump?: (v: number) => number;
}

const sigmoid64 = (v: number): number => 1 / (1 + Math.exp(-v));

/**
 * Differentiable ops (kept bounded, so compositions stay finite) and zero-gradient ops.
 * @example UNARY_OPS.floor.f64(1.5); // 1
 */
export const UNARY_OPS: Readonly<Record<string, UnarySpec>> = {
  sin: { mx: nd.sin, f64: Math.sin },
  cos: { mx: nd.cos, f64: Math.cos },
  tanh: { mx: nd.tanh, f64: Math.tanh },
  sigmoid: { mx: nd.sigmoid, f64: sigmoid64 },
  halfSquare: { mx: (v) => nd.square(v).mul(0.5), f64: (v) => 0.5 * v * v },
  floor: { mx: nd.floor, f64: Math.floor, jump: (v) => Math.abs(v - Math.round(v)) },
  ceil: { mx: nd.ceil, f64: Math.ceil, jump: (v) => Math.abs(v - Math.round(v)) },
  // MXNet rounds halves away from zero; samples near a half are rejected, so any rounding works.
  round: { mx: nd.round, f64: Math.round, jump: (v) => Math.abs(v - Math.floor(v) - 0.5) },
  sign: { mx: nd.sign, f64: Math.sign, jump: Math.abs },
};

function build(e: Expr, x: mx.NDArray): mx.NDArray {
  switch (e.kind) {
    case 'x':
      return x;
    case 'unary':
      return UNARY_OPS[e.op].mx(build(e.arg, x));
    case 'scalar':
      return e.op === 'mul' ? nd.multiply(build(e.arg, x), e.c) : nd.add(build(e.arg, x), e.c);
    case 'binary': {
      const l = build(e.l, x);
      const r = build(e.r, x);
      return e.op === 'add' ? nd.add(l, r) : e.op === 'sub' ? nd.subtract(l, r) : nd.multiply(l, r);
    }
  }
}

/**
 * float64 value of `e` at `v`; `near` gets the smallest distance of a zero-gradient op's input
 * to a jump.
 * @example evaluate({ kind: 'unary', op: 'sin', arg: { kind: 'x' } }, 0.5); // Math.sin(0.5)
 */
export function evaluate(e: Expr, v: number, near: { min: number } = { min: Infinity }): number {
  switch (e.kind) {
    case 'x':
      return v;
    case 'unary': {
      const a = evaluate(e.arg, v, near);
      const spec = UNARY_OPS[e.op];
      if (spec.jump !== undefined) near.min = Math.min(near.min, spec.jump(a));
      return spec.f64(a);
    }
    case 'scalar': {
      const a = evaluate(e.arg, v, near);
      return e.op === 'mul' ? a * e.c : a + e.c;
    }
    case 'binary': {
      const l = evaluate(e.l, v, near);
      const r = evaluate(e.r, v, near);
      return e.op === 'add' ? l + r : e.op === 'sub' ? l - r : l * r;
    }
  }
}

/** The expression as text, for failure messages. */
function show(e: Expr): string {
  switch (e.kind) {
    case 'x':
      return 'x';
    case 'unary':
      return `${e.op}(${show(e.arg)})`;
    case 'scalar':
      return e.op === 'mul' ? `(${show(e.arg)} * ${e.c})` : `(${show(e.arg)} + ${e.c})`;
    case 'binary':
      return `(${show(e.l)} ${e.op === 'add' ? '+' : e.op === 'sub' ? '-' : '*'} ${show(e.r)})`;
  }
}

const quarter = fc.integer({ min: -8, max: 8 }).map((k) => k / 4);

/** Random expressions up to depth 4, rooted at an op (so the head is always recorded). */
const expr: fc.Arbitrary<Expr> = fc.letrec<{ node: Expr; op: Expr }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant<Expr>({ kind: 'x' }),
    tie('op'),
  ),
  op: fc.oneof(
    { maxDepth: 4, depthSize: 'small' },
    fc.record({
      kind: fc.constant('unary' as const),
      op: fc.constantFrom(...Object.keys(UNARY_OPS)),
      arg: tie('node'),
    }),
    fc.record({
      kind: fc.constant('scalar' as const),
      op: fc.constantFrom('mul' as const, 'add' as const),
      c: quarter,
      arg: tie('node'),
    }),
    fc.record({
      kind: fc.constant('binary' as const),
      op: fc.constantFrom('add' as const, 'mul' as const, 'sub' as const),
      l: tie('node'),
      r: tie('node'),
    }),
  ),
})).op;

/** float32 points in [-2, 2]. */
const points = fc.array(fc.double({ min: -2, max: 2, noNaN: true }).map(Math.fround), {
  minLength: 1,
  maxLength: 3,
});

/** Central differences of the float64 reference: f' with step 1e-5, f'' with step 1e-3. */
function centralDifferences(e: Expr, v: number): { d1: number; d2: number } {
  const f = (t: number) => evaluate(e, t);
  const h1 = 1e-5;
  const h2 = 1e-3;
  return {
    d1: (f(v + h1) - f(v - h1)) / (2 * h1),
    d2: (f(v + h2) - 2 * f(v) + f(v - h2)) / (h2 * h2),
  };
}

/** Tolerance of float32 autograd against float64 differences, scaled to the values' size. */
function tolerance(expected: readonly number[]): { rtol: number; atol: number } {
  const scale = Math.max(1, ...expected.map(Math.abs));
  return { rtol: 2e-3, atol: 2e-3 * scale };
}

/**
 * Random compositions of differentiable and zero-gradient ops: the first-order gradient
 * (`grad` with `createGraph`) and the second-order one (`grad` of that gradient) against
 * central differences of a float64 evaluation. Samples with a zero-gradient op's input near
 * its jump are skipped (the difference quotient is not the derivative there).
 * @example await gradientCompositionProperty.run();
 */
export const gradientCompositionProperty: PropertyCheck = {
  id: 'property/gradient-compositions',
  description:
    'random compositions (through floor/ceil/round/sign too): first and second order equal central differences',
  async run(budget?: PropertyBudget) {
    await fc.assert(
      fc.asyncProperty(expr, points, async (e, xs) => {
        const near = { min: Infinity };
        for (const v of xs) evaluate(e, v, near);
        for (const v of xs) {
          for (const t of [v - 1e-3, v + 1e-3]) evaluate(e, t, near);
        }
        fc.pre(near.min > 0.02);
        const expected = xs.map((v) => centralDifferences(e, v));
        fc.pre(expected.every((d) => Number.isFinite(d.d1) && Number.isFinite(d.d2)));
        const what = show(e);
        await leakFree(what, async () => {
          const x = nd.array(xs);
          x.attachGrad();
          // One record callback: the graph createGraph keeps is freed with what it returns.
          const [dx, ddx] = ag.record(() => {
            const [d1] = ag.grad(build(e, x), x, { createGraph: true });
            return [d1, ag.grad(d1, x)[0]];
          });
          const d1 = expected.map((d) => d.d1);
          closeValues(`d/dx ${what} at ${xs}`, await values(dx), d1, tolerance(d1));
          const d2 = expected.map((d) => d.d2);
          closeValues(`d²/dx² ${what} at ${xs}`, await values(ddx), d2, tolerance(d2));
          check(!ag.isRecording(), 'recording is off after grad');
        });
      }),
      fcParameters(80, budget),
    );
  },
};
