import * as mx from '@mxts/core';
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { createCpuBackend } from './index.js';

const { nd, autograd } = mx;
const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
const leakWarnings = () =>
  warn.mock.calls.filter(
    (c) => (c[1] as { type?: string } | undefined)?.type === 'MXTSMemoryWarning',
  );

let x: mx.NDArray;
beforeAll(async () => {
  mx.useBackend(await createCpuBackend());
  x = nd.ones([3]);
  x.attachGrad();
});
afterAll(() => {
  x.dispose();
  warn.mockRestore();
  mx.setLeakWarning(true);
});
beforeEach(() => warn.mockClear());

/** `n` training steps; each drops its loss unread, as a leaky loop does. */
function leakySteps(n: number, kept: mx.NDArray[]): void {
  for (let i = 0; i < n; i++) {
    const loss = autograd.record(() => nd.sum(x.mul(x)));
    loss.backward();
    kept.push(loss);
  }
}

describe('the leak warning', () => {
  test('warns once when live arrays rise at each of `steps` consecutive steps', () => {
    const before = mx.memory().arrays;
    const kept: mx.NDArray[] = [];
    mx.setLeakWarning(true, { steps: 20 });
    leakySteps(20, kept); // the first step sets the baseline: 19 rises
    expect(leakWarnings()).toHaveLength(0);
    leakySteps(1, kept);
    expect(leakWarnings()).toHaveLength(1);
    const message = String(leakWarnings()[0][0]);
    expect(message).toMatch(/rose at each of the last 20 training steps/);
    expect(message).toMatch(/mx\.scope/);
    expect(message).toMatch(/setLeakWarning\(false\)/);
    expect(leakWarnings()[0][1]).toMatchObject({ code: 'MXTS_LEAK' });
    leakySteps(50, kept); // once only
    expect(leakWarnings()).toHaveLength(1);
    for (const a of kept) a.dispose();
    expect(mx.memory().arrays).toBe(before);
  });

  test('a step whose count does not rise restarts the streak', () => {
    const kept: mx.NDArray[] = [];
    mx.setLeakWarning(true, { steps: 10 });
    leakySteps(8, kept);
    for (const a of kept.splice(0)) a.dispose(); // the count falls
    leakySteps(8, kept);
    expect(leakWarnings()).toHaveLength(0);
    for (const a of kept) a.dispose();
  });

  test('steps inside mx.scope are not watched; the switch turns it off', () => {
    mx.setLeakWarning(true, { steps: 5 });
    const kept: mx.NDArray[] = [];
    mx.scope(() => leakySteps(30, []));
    expect(leakWarnings()).toHaveLength(0);
    mx.setLeakWarning(false);
    leakySteps(30, kept);
    expect(leakWarnings()).toHaveLength(0);
    for (const a of kept) a.dispose();
  });

  test('bad arguments raise InvalidArgumentError', () => {
    expect(() => mx.setLeakWarning('no' as never)).toThrow(mx.InvalidArgumentError);
    expect(() => mx.setLeakWarning(true, { steps: 0 })).toThrow(/positive integer/);
    expect(() => mx.setLeakWarning(true, { steps: 2.5 })).toThrow(mx.InvalidArgumentError);
  });
});

describe('mx.memory()', () => {
  test('gives the totals and each backend by name', () => {
    const before = mx.memory();
    expect(before.backends.cpu).toEqual({ arrays: before.arrays, bytes: before.bytes });
    const a = nd.zeros([4, 4]);
    expect(mx.memory().backends.cpu).toEqual({
      arrays: before.arrays + 1,
      bytes: before.bytes + 64,
    });
    expect(mx.memory(mx.cpu())).toEqual(mx.memory().backends.cpu);
    expect(mx.memory().gpuBytes).toBeUndefined();
    a.dispose();
    expect(mx.memory()).toEqual(before);
  });
});
