import * as mx from '@mxts/core';
import { check, closeValues, type Tolerance } from '../../assertions.js';
import type { OpInfo } from '../op-info.js';
import { type ArgArray, isArray, type Sample } from '../sample.js';
import { GRAD_EPS, GRAD1_TOLERANCE, GRAD2_TOLERANCE } from '../tolerance.js';
import { centralDifferences } from './central-differences.js';
import { headGradValues, weightedSum } from './head-grads.js';
import { buildArgs, runOp } from './materialize.js';

const { nd, autograd: ag } = mx;

type Values = readonly (readonly number[])[];

/** The positions of the arguments whose gradients are checked. */
function gradPositions(sample: Sample<unknown>): number[] {
  return sample.args.flatMap((a, i) => (isArray(a) && a.grad ? [i] : []));
}

/**
 * Runs the op under `record()` in predict mode (Dropout is then the identity), with the
 * differentiated arguments attached; `values` replaces theirs.
 */
function recordOutputs<O>(info: OpInfo<O>, sample: Sample<O>, values?: Values) {
  const positions = gradPositions(sample);
  const args = buildArgs(sample, new Map(values?.map((v, k) => [positions[k], v])));
  const xs = positions.map((i) => args.arrays[i]!);
  for (const x of xs) x.attachGrad();
  const ys = ag.record(() => runOp(info, sample, args), { trainMode: false });
  return { xs, ys };
}

/** Head gradients shaped like `like`, from a seed (the same seed gives the same values). */
function headArrays(seed: string, like: readonly mx.NDArray[]): mx.NDArray[] {
  const values = headGradValues(
    seed,
    like.map((y) => y.size),
  );
  return like.map((y, k) => nd.array(values[k], { shape: y.shape }));
}

const hostValues = (xs: readonly mx.NDArray[]): Promise<number[][]> =>
  Promise.all(xs.map(async (x) => Array.from(await x.data())));

/** grad(<op(x), h1>, x) as host values, at the sample's inputs or at `values`. */
async function firstOrder<O>(info: OpInfo<O>, sample: Sample<O>, seed: string, values?: Values) {
  const { xs, ys } = recordOutputs(info, sample, values);
  return ag.grad(ys, xs, { headGrads: headArrays(`${seed}/h1`, ys) });
}

/** <op(x), h1> in float64, the function the first-order central differences see. */
async function weightedOutput<O>(info: OpInfo<O>, sample: Sample<O>, seed: string, values: Values) {
  const positions = gradPositions(sample);
  const ys = runOp(
    info,
    sample,
    buildArgs(sample, new Map(values.map((v, k) => [positions[k], v]))),
  );
  const h1 = headGradValues(
    `${seed}/h1`,
    ys.map((y) => y.size),
  );
  return weightedSum(await Promise.all(ys.map((y) => y.data())), h1);
}

/** Compares analytic gradients with expected ones, argument by argument. */
function compareGradients(
  what: string,
  sample: Sample<unknown>,
  actual: Values,
  expected: Values,
  tolerance: Tolerance,
): void {
  const positions = gradPositions(sample);
  actual.forEach((g, k) => {
    closeValues(`${what}, argument ${positions[k]}`, g, expected[k], tolerance);
  });
}

const inputValues = (sample: Sample<unknown>): number[][] =>
  gradPositions(sample).map((i) => [...(sample.args[i] as ArgArray).values]);

const zeros = (values: Values): number[][] => values.map((v) => v.map(() => 0));

/**
 * Checks the gradient of <op(x), h1> with respect to every differentiable argument against
 * central differences of the op's own forward (against zero for a blocked gradient).
 * Gradients must come back in the shapes of their inputs (broadcasting summed back).
 */
export async function checkGrad1<O>(
  info: OpInfo<O>,
  sample: Sample<O>,
  what: string,
): Promise<void> {
  const grad = info.gradient!;
  const seed = `${info.name}/${sample.label}`;
  const gs = await firstOrder(info, sample, seed);
  gs.forEach((g, k) => {
    const x = sample.args[gradPositions(sample)[k]] as ArgArray;
    check(
      g.shape.length === x.shape.length && g.shape.every((d, i) => d === x.shape[i]),
      `${what}: gradient ${k} has shape (${g.shape.join(', ')}), its input (${x.shape.join(', ')})`,
    );
  });
  const inputs = inputValues(sample);
  const expected =
    grad.kind === 'blocked'
      ? zeros(inputs)
      : await centralDifferences(
          inputs,
          (values) => weightedOutput(info, sample, seed, values),
          grad.eps ?? GRAD_EPS,
        );
  const tolerance = { ...GRAD1_TOLERANCE, ...grad.tolerance };
  compareGradients(`${what}: gradient`, sample, await hostValues(gs), expected, tolerance);
}

/**
 * Checks second-order gradients: with g1 = grad(op(x), x, headGrads h1, createGraph),
 * grad(<g1, h2>, x) must match central differences of x -> <g1(x), h2>. A first-order
 * gradient that does not depend on x (add, reshape, floor, ...) is not in the graph, so
 * its second-order gradient is zero; the numbers must agree.
 */
export async function checkGrad2<O>(
  info: OpInfo<O>,
  sample: Sample<O>,
  what: string,
): Promise<void> {
  const grad = info.gradient!;
  const seed = `${info.name}/${sample.label}`;
  const { xs, ys } = recordOutputs(info, sample);
  const inputs = inputValues(sample);
  const h2 = headGradValues(
    `${seed}/h2`,
    inputs.map((v) => v.length),
  );
  const phi = ag.record(
    () => {
      const g1 = ag.grad(ys, xs, { headGrads: headArrays(`${seed}/h1`, ys), createGraph: true });
      const terms = g1.map((g, k) => nd.sum(nd.multiply(g, nd.array(h2[k], { shape: g.shape }))));
      return terms.reduce((a, b) => nd.add(a, b));
    },
    { trainMode: false },
  );
  let actual: number[][];
  try {
    actual = await hostValues(ag.grad(phi, xs));
  } catch (e) {
    if (!(e instanceof mx.NotInGraphError)) throw e;
    actual = zeros(inputs);
  }
  const expected =
    grad.kind === 'blocked'
      ? zeros(inputs)
      : await centralDifferences(
          inputs,
          async (values) =>
            weightedSum(await hostValues(await firstOrder(info, sample, seed, values)), h2),
          grad.eps ?? GRAD_EPS,
        );
  // An op's own tolerance doubles, as GRAD2_TOLERANCE doubles GRAD1_TOLERANCE: the numbers
  // differentiate a computed gradient.
  const own = grad.tolerance;
  const tolerance = own
    ? { rtol: 2 * (own.rtol ?? GRAD1_TOLERANCE.rtol), atol: 2 * (own.atol ?? GRAD1_TOLERANCE.atol) }
    : GRAD2_TOLERANCE;
  compareGradients(`${what}: second derivative`, sample, actual, expected, tolerance);
}
