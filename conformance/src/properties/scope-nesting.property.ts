import * as mx from '@mxts/core';
import fc from 'fast-check';
import { check } from '../assertions.js';
import {
  fcParameters,
  leakFree,
  type PropertyBudget,
  type PropertyCheck,
} from './property-support.js';

const { nd, autograd: ag } = mx;

/**
 * A program of nested scopes: autograd scopes, memory scopes, allocations and throws.
 * @example const p: ScopeStep = { kind: 'record', body: [{ kind: 'alloc' }, { kind: 'throw' }] };
 */
export type ScopeStep =
  | { readonly kind: 'record'; readonly trainMode?: boolean; readonly body: readonly ScopeStep[] }
  | { readonly kind: 'pause'; readonly trainMode?: boolean; readonly body: readonly ScopeStep[] }
  | {
      readonly kind: 'trainMode' | 'predictMode' | 'memory' | 'catch';
      readonly body: readonly ScopeStep[];
    }
  | { readonly kind: 'alloc' | 'throw' }
  /** The `using` forms: `using _ = mx.autograd.record()`, `using _ = mx.scope()`, ... */
  | {
      readonly kind: 'using';
      readonly scope: 'record' | 'pause' | 'trainMode' | 'predictMode' | 'memory';
      readonly body: readonly ScopeStep[];
    };

class Thrown extends Error {
  override readonly name = 'Thrown';
}

interface Model {
  recording: boolean;
  training: boolean;
  /** Arrays the program holds beyond the count at its start. */
  live: number;
  /** Record callbacks open around the current step. */
  records: number;
}

/** Runs the steps, checking the flags and the live arrays against the model at each step. */
function runSteps(steps: readonly ScopeStep[], m: Model, base: number): void {
  for (const s of steps) runStep(s, m, base);
}

function expectState(m: Model, base: number, where: string): void {
  const rec = ag.isRecording();
  const train = ag.isTraining();
  check(
    rec === m.recording && train === m.training,
    `${where}: flags (recording, training) are (${rec}, ${train}), expected (${m.recording}, ${m.training})`,
  );
  const live = mx.memory().arrays - base;
  check(live === m.live, `${where}: ${live} live arrays, expected ${m.live}`);
}

function runStep(s: ScopeStep, m: Model, base: number): void {
  const saved = { ...m };
  const inner = (rec: boolean, train: boolean) => () => {
    m.recording = rec;
    m.training = train;
    expectState(m, base, `inside ${s.kind}`);
    runSteps((s as { body: readonly ScopeStep[] }).body, m, base);
  };
  // A scope restores the flags when it exits, by return or by throw.
  const restoreFlags = () => {
    m.recording = saved.recording;
    m.training = saved.training;
  };
  try {
    switch (s.kind) {
      case 'alloc':
        nd.ones([2]);
        m.live++;
        expectState(m, base, 'after an allocation');
        return;
      case 'throw':
        throw new Thrown('thrown inside the scopes');
      case 'record':
        m.records++;
        try {
          ag.record(inner(true, s.trainMode ?? true), { trainMode: s.trainMode ?? true });
        } finally {
          m.records--;
          // The outermost record callback owns the arrays made inside and not returned (an
          // inner one joins its graph): with no graph to keep, they are freed when it ends.
          if (m.records === 0) m.live = saved.live;
        }
        break;
      case 'pause':
        ag.pause(inner(false, s.trainMode ?? false), { trainMode: s.trainMode ?? false });
        break;
      case 'trainMode':
        ag.trainMode(inner(m.recording, true));
        break;
      case 'predictMode':
        ag.predictMode(inner(m.recording, false));
        break;
      case 'memory':
        try {
          mx.scope(inner(m.recording, m.training));
        } finally {
          // Everything allocated inside the memory scope is freed when it ends.
          m.live = saved.live;
        }
        break;
      case 'using':
        runUsing(s.scope, m, base, s.body, saved.live);
        break;
      case 'catch':
        try {
          inner(m.recording, m.training)();
        } catch (e) {
          if (!(e instanceof Thrown)) throw e;
        }
        break;
    }
  } catch (e) {
    restoreFlags();
    throw e;
  }
  restoreFlags();
  expectState(m, base, `after ${s.kind}`);
}

/** A `using` block: the scope object's dispose restores the state, by return or by throw. */
function runUsing(
  kind: 'record' | 'pause' | 'trainMode' | 'predictMode' | 'memory',
  m: Model,
  base: number,
  body: readonly ScopeStep[],
  liveBefore: number,
): void {
  try {
    using _ =
      kind === 'record'
        ? ag.record()
        : kind === 'pause'
          ? ag.pause()
          : kind === 'trainMode'
            ? ag.trainMode()
            : kind === 'predictMode'
              ? ag.predictMode()
              : mx.scope();
    if (kind === 'record') [m.recording, m.training] = [true, true];
    if (kind === 'pause') [m.recording, m.training] = [false, false];
    if (kind === 'trainMode') m.training = true;
    if (kind === 'predictMode') m.training = false;
    expectState(m, base, `inside using ${kind}`);
    runSteps(body, m, base);
  } finally {
    // Only the memory scope frees: a `using` record has no callback graph to own arrays.
    if (kind === 'memory') m.live = liveBefore;
  }
}

const steps: fc.Arbitrary<ScopeStep[]> = fc.letrec<{ steps: ScopeStep[]; step: ScopeStep }>(
  (tie) => ({
    steps: fc.array(tie('step'), { maxLength: 4 }),
    step: fc.oneof(
      { maxDepth: 5, depthSize: 'small' },
      fc.constant<ScopeStep>({ kind: 'alloc' }),
      fc.constant<ScopeStep>({ kind: 'throw' }),
      fc.record({
        kind: fc.constantFrom('record' as const, 'pause' as const),
        trainMode: fc.option(fc.boolean(), { nil: undefined }),
        body: tie('steps'),
      }),
      fc.record({
        kind: fc.constant('using' as const),
        scope: fc.constantFrom(
          'record' as const,
          'pause' as const,
          'trainMode' as const,
          'predictMode' as const,
          'memory' as const,
        ),
        body: tie('steps'),
      }),
      fc.record({
        kind: fc.constantFrom(
          'trainMode' as const,
          'predictMode' as const,
          'memory' as const,
          'catch' as const,
        ),
        body: tie('steps'),
      }),
    ),
  }),
).steps;

/**
 * Random nestings of `record`/`pause`/`trainMode`/`predictMode` and memory scopes with
 * allocations and throws inside: at every step the autograd flags and the live arrays are
 * what the scopes say, and after a throw every scope it left has restored its state.
 * @example await scopeNestingProperty.run();
 */
export const scopeNestingProperty: PropertyCheck = {
  id: 'property/scope-nesting',
  description: 'random nestings of autograd and memory scopes with throws restore flags and memory',
  async run(budget?: PropertyBudget) {
    await fc.assert(
      fc.asyncProperty(steps, async (program) => {
        await leakFree('scope program', () => {
          const base = mx.memory().arrays;
          const m: Model = {
            recording: ag.isRecording(),
            training: ag.isTraining(),
            live: 0,
            records: 0,
          };
          mx.scope(() => {
            try {
              runSteps(program, m, base);
            } catch (e) {
              if (!(e instanceof Thrown)) throw e;
            }
            check(
              ag.isRecording() === false && ag.isTraining() === false,
              'flags are off at the top level after the program',
            );
          });
          check(mx.memory().arrays === base, 'the outer memory scope freed the program arrays');
        });
      }),
      fcParameters(150, budget),
    );
  },
};
