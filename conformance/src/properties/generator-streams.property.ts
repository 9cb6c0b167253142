import * as mx from '@mxts/core';
import fc from 'fast-check';
import { check, closeValues, values } from '../assertions.js';
import {
  fcParameters,
  leakFree,
  type PropertyBudget,
  type PropertyCheck,
} from './property-support.js';

const { nd } = mx;

/**
 * One sampling call of MXNet's random stream.
 * @example const d: Draw = { kind: 'uniform', n: 10 };
 */
export interface Draw {
  readonly kind: 'uniform' | 'normal' | 'randint';
  readonly n: number;
}

const draw: fc.Arbitrary<Draw> = fc.record({
  kind: fc.constantFrom('uniform' as const, 'normal' as const, 'randint' as const),
  n: fc.integer({ min: 1, max: 40 }),
});

const seedState = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });

/** Draws each call in order, returning every value (checked against its distribution's range). */
async function drawAll(draws: readonly Draw[]): Promise<number[][]> {
  const out: number[][] = [];
  for (const d of draws) {
    const x =
      d.kind === 'uniform'
        ? nd.random.uniform({ low: -2, high: 3, shape: [d.n] })
        : d.kind === 'normal'
          ? nd.random.normal({ loc: 1, scale: 2, shape: [d.n] })
          : nd.random.randint(-5, 7, { shape: [d.n] });
    const v = Array.from(await values(x));
    x.dispose();
    for (const e of v) {
      const ok =
        d.kind === 'uniform'
          ? e >= -2 && e < 3
          : d.kind === 'normal'
            ? Number.isFinite(e)
            : Number.isInteger(e) && e >= -5 && e < 7;
      check(ok, `${d.kind}: value ${e} outside its range`);
    }
    out.push(v);
  }
  return out;
}

const exact = { rtol: 0, atol: 0 };

/**
 * Random splits and reseeds of MXNet's random stream: the same seed gives the same stream
 * (bit for bit), a reseed in the middle of a stream restarts it whatever was drawn before,
 * an earlier call does not depend on the calls after it (a split of the calls keeps its
 * prefix), the values do not depend on the shape they fill, and different seeds give
 * different streams.
 * @example await generatorStreamsProperty.run();
 */
export const generatorStreamsProperty: PropertyCheck = {
  id: 'property/generator-streams',
  description: 'random splits and reseeds: same seed, same stream; a reseed restarts it',
  async run(budget?: PropertyBudget) {
    await fc.assert(
      fc.asyncProperty(
        seedState,
        seedState,
        fc.array(draw, { minLength: 1, maxLength: 5 }),
        fc.array(draw, { maxLength: 3 }),
        async (s, other, draws, before) => {
          await leakFree('generator streams', async () => {
            mx.random.seed(s);
            const first = await drawAll(draws);
            // Reseeding after unrelated draws restarts the stream.
            await drawAll(before);
            mx.random.seed(s);
            const again = await drawAll(draws);
            first.forEach((v, i) => {
              closeValues(`call ${i} after reseeding ${s}`, again[i], v, exact);
            });
            // A prefix of the calls draws what it drew as part of the longer sequence.
            const cut = Math.max(1, Math.floor(draws.length / 2));
            mx.random.seed(s);
            const prefix = await drawAll(draws.slice(0, cut));
            prefix.forEach((v, i) => {
              closeValues(`call ${i} of a prefix of ${cut}`, v, first[i], exact);
            });
            // The stream fills the flat output: a call of shape (2, n) draws what (2n) draws.
            const d0 = draws[0];
            mx.random.seed(s);
            const flat = nd.random.uniform({ shape: [2 * d0.n] });
            mx.random.seed(s);
            const matrix = nd.random.uniform({ shape: [2, d0.n] });
            closeValues(
              `uniform (2, ${d0.n}) vs (${2 * d0.n})`,
              await values(matrix),
              await values(flat),
              exact,
            );
            if (other !== s) {
              mx.random.seed(other);
              const diff = await drawAll(draws);
              const same = diff.every((v, i) => v.every((e, j) => Object.is(e, first[i][j])));
              const total = draws.reduce((t, d) => t + d.n, 0);
              // Streams of two seeds may agree on a handful of randint values by chance.
              check(total < 8 || !same, `seeds ${s} and ${other} drew the same ${total} values`);
            }
          });
        },
      ),
      fcParameters(40, budget),
    );
  },
};
