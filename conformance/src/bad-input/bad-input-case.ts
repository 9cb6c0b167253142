import * as mx from '@mxts/core';
import { check, fail } from '../assertions.js';
import type { ConformanceCase } from '../conformance-case.js';

/** An error class a bad input must raise (any MXNetError subclass). */
export type ErrorClass = abstract new (...args: never[]) => mx.MXNetError;

/**
 * One bad input: what to call, the typed error it must raise, and the words its message
 * must contain (the user's op, and the argument where there is one).
 */
export interface BadInputSpec {
  readonly name: string;
  /** Issue 16's theme: 1 sizes, 2 wrong types, 3 MXNet rejects, 4 message names, 5 memory. */
  readonly theme: 1 | 2 | 3 | 4 | 5;
  readonly error: ErrorClass;
  /** Text the message must contain: the op as the user called it. */
  readonly op: string;
  /** Text the message must also contain: the argument, where the input has one. */
  readonly arg?: string;
  /** The call; arrays it makes are freed by a scope around it. */
  call(): unknown;
}

// Every case runs under one of the four autograd flag states, so "the flags are unchanged
// after a throw" is checked with recording and training both on and off.
const FLAG_STATES: readonly (readonly [boolean, boolean])[] = [
  [false, false],
  [true, false],
  [false, true],
  [true, true],
];

/** Checks that the backend still computes `ones(3) + 1` after a refused call. */
export async function expectBackendWorks(after: string): Promise<void> {
  const y = mx.scope(() => mx.keep(mx.nd.ones([3]).add(1)));
  try {
    const v = Array.from(await y.data());
    check(
      v.length === 3 && v.every((e) => e === 2),
      `after ${after}, ones(3) + 1 gave [${v.join(', ')}] instead of [2, 2, 2]`,
    );
  } finally {
    y.dispose();
  }
}

/**
 * Runs one bad input and checks, in order: it raises `spec.error`; the message names the op
 * (and the argument); the autograd flags are those it started with; no array is left
 * behind (live arrays before = after, with nothing left to a finalizer); the backend still
 * computes `ones(3) + 1`.
 */
export async function runBadInput(
  spec: BadInputSpec,
  flags: readonly [boolean, boolean],
): Promise<void> {
  const [recording, training] = flags;
  mx.autograd.setRecording(recording);
  mx.autograd.setTraining(training);
  const before = mx.memory().arrays;
  let thrown: unknown = null;
  try {
    await mx.scope(async () => {
      await spec.call();
    });
  } catch (e) {
    thrown = e;
  }
  const flagsAfter = [mx.autograd.isRecording(), mx.autograd.isTraining()];
  mx.autograd.setRecording(false);
  mx.autograd.setTraining(false);
  const live = mx.memory().arrays - before;
  if (thrown === null) fail(`${spec.name}: no error; expected ${spec.error.name}`);
  const e = thrown as Error;
  check(
    thrown instanceof spec.error,
    `${spec.name}: expected ${spec.error.name}, got ${e?.name ?? typeof e}: ${e?.message ?? String(e)}`,
  );
  check(
    e.message.includes(spec.op),
    `${spec.name}: the message does not name the op '${spec.op}': ${e.message}`,
  );
  if (spec.arg !== undefined) {
    check(
      e.message.includes(spec.arg),
      `${spec.name}: the message does not name the argument '${spec.arg}': ${e.message}`,
    );
  }
  check(
    flagsAfter[0] === recording && flagsAfter[1] === training,
    `${spec.name}: autograd flags changed from (recording ${recording}, training ${training}) to (${flagsAfter.join(', ')})`,
  );
  check(live === 0, `${spec.name}: ${live} array(s) left alive after the refused call`);
  await expectBackendWorks(spec.name);
}

/**
 * The bad-input cases of one group, as conformance cases `bad-input/<group>/<name>`, each
 * under one of the four autograd flag states in turn.
 */
export function defineBadInputs(group: string, specs: readonly BadInputSpec[]): ConformanceCase[] {
  return specs.map((s, i) => ({
    id: `bad-input/${group}/${s.name}`,
    suite: 'bad-input',
    run: () => runBadInput(s, FLAG_STATES[i % FLAG_STATES.length]),
  }));
}
