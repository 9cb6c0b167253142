import * as mx from '@mxts/core';
import { check } from '../assertions.js';

/**
 * How many runs each property gets, and a failing run to replay. A property scales its own
 * default number of runs by `scale` (at least 1 run), so a slow backend (software WebGPU)
 * passes e.g. `{ scale: 0.25 }`.
 *
 * Replay: fast-check's failure message prints `seed` and `path`; run the same test with
 * `MXTS_FC_SEED=<seed> MXTS_FC_PATH=<path>` in the environment (read by
 * {@link propertyBudgetFromEnv}) to rerun exactly the failing case and its shrinking.
 *
 * @example const b: PropertyBudget = { scale: 0.25 };
 */
export interface PropertyBudget {
  /** Multiplies each property's default number of runs (default 1). */
  scale?: number;
  /** fast-check seed to replay (from a failure message). */
  seed?: number;
  /** fast-check path to replay (from a failure message); needs `seed`. */
  path?: string;
}

/**
 * The budget from the environment: `MXTS_FC_SEED` and `MXTS_FC_PATH` replay a failure,
 * `MXTS_FC_SCALE` multiplies the runs (e.g. 10 for a longer local search).
 *
 * @example const budget = propertyBudgetFromEnv({ scale: 0.25 }); // WebGPU's smaller default
 */
export function propertyBudgetFromEnv(defaults: PropertyBudget = {}): PropertyBudget {
  const env =
    (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};
  const seedText = env['MXTS_FC_SEED'];
  const scaleText = env['MXTS_FC_SCALE'];
  const seed = seedText !== undefined && seedText !== '' ? Number(seedText) : defaults.seed;
  if (seed !== undefined && !Number.isInteger(seed)) {
    throw new mx.InvalidArgumentError(
      'propertyBudgetFromEnv',
      `MXTS_FC_SEED must be an integer, got '${seedText}'`,
    );
  }
  const scale = scaleText !== undefined && scaleText !== '' ? Number(scaleText) : defaults.scale;
  if (scale !== undefined && !(scale > 0)) {
    throw new mx.InvalidArgumentError(
      'propertyBudgetFromEnv',
      `MXTS_FC_SCALE must be a positive number, got '${scaleText}'`,
    );
  }
  const path = env['MXTS_FC_PATH'] || defaults.path;
  return { scale, seed, path };
}

/**
 * fast-check's run parameters for a property with `defaultRuns` runs under `budget`.
 * @example await fc.assert(property, fcParameters(100, { scale: 0.25 })); // 25 runs
 */
export function fcParameters(
  defaultRuns: number,
  budget: PropertyBudget = {},
): { numRuns: number; seed?: number; path?: string; endOnFailure: boolean } {
  const numRuns = Math.max(1, Math.round(defaultRuns * (budget.scale ?? 1)));
  const out: { numRuns: number; seed?: number; path?: string; endOnFailure: boolean } = {
    numRuns,
    // Shrinking reruns the backend many times; the seed and path replay it locally instead.
    endOnFailure: true,
  };
  if (budget.seed !== undefined) out.seed = budget.seed;
  if (budget.path !== undefined) out.path = budget.path;
  return out;
}

/**
 * Runs `fn` in a memory scope and checks that it leaves no array behind and the autograd
 * flags as they were, whether it returns or throws.
 * @example await leakFree('my check', async () => { await expectExact('x', nd.ones([1]), [1]); });
 */
export async function leakFree(what: string, fn: () => Promise<void> | void): Promise<void> {
  const before = mx.memory().arrays;
  const flags = [mx.autograd.isRecording(), mx.autograd.isTraining()];
  try {
    await mx.scope(async () => {
      await fn();
    });
  } finally {
    const now = [mx.autograd.isRecording(), mx.autograd.isTraining()];
    check(
      now[0] === flags[0] && now[1] === flags[1],
      `${what}: autograd flags (recording, training) are ${now}, were ${flags}`,
    );
  }
  const after = mx.memory().arrays;
  check(after === before, `${what}: ${after - before} arrays left behind`);
}

/**
 * One named check: a property (fast-check, with a number of runs) or a single example.
 * `run` raises a ConformanceFailure (or fast-check's failure) when it does not hold.
 * @example for (const p of allProperties()) await p.run({ scale: 0.5 });
 */
export interface PropertyCheck {
  readonly id: string;
  /** What it asserts, in a line. */
  readonly description: string;
  /** Runs the property within `budget` (runs, replay seed/path); throws on a counterexample. */
  run(budget?: PropertyBudget): Promise<void>;
}
