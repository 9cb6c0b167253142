import { type HostArray, NDArray } from '@mxts/core';

/** Thrown by a failing check; the message says what differed. */
export class ConformanceFailure extends Error {
  override name = 'ConformanceFailure';
}

/** Fails the case. */
export function fail(message: string): never {
  throw new ConformanceFailure(message);
}

/** Fails unless `cond`. */
export function check(cond: boolean, message: string): asserts cond {
  if (!cond) fail(message);
}

type Nested = number | readonly Nested[];

/** Flattens a nested list and infers its shape. */
export function flattenNested(v: Nested): { values: number[]; shape: number[] } {
  const values: number[] = [];
  const shape: number[] = [];
  const walk = (x: Nested, depth: number): void => {
    if (typeof x === 'number') {
      values.push(x);
      return;
    }
    if (shape.length === depth) shape.push(x.length);
    for (const e of x) walk(e, depth + 1);
  };
  walk(v, 0);
  return { values, shape };
}

/** Tolerances of a comparison: |a - e| <= atol + rtol * |e|. */
export interface Tolerance {
  rtol?: number;
  atol?: number;
}

const fmt = (xs: ArrayLike<number>): string =>
  `[${Array.from(xs)
    .slice(0, 12)
    .map((x) => (Object.is(x, -0) ? '-0' : String(x)))
    .join(', ')}${xs.length > 12 ? ', ...' : ''}]`;

/** Compares values elementwise: NaN must meet NaN, infinities must match exactly. */
export function closeValues(
  what: string,
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tol: Tolerance = {},
): void {
  const rtol = tol.rtol ?? 1e-5;
  const atol = tol.atol ?? 1e-6;
  check(
    actual.length === expected.length,
    `${what}: ${actual.length} values, expected ${expected.length}`,
  );
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i];
    const e = expected[i];
    const ok = Number.isNaN(e)
      ? Number.isNaN(a)
      : !Number.isFinite(e)
        ? a === e
        : Math.abs(a - e) <= atol + rtol * Math.abs(e);
    if (!ok) {
      fail(
        `${what}: element ${i} is ${a}, expected ${e} (rtol ${rtol}, atol ${atol})\n  got      ${fmt(actual)}\n  expected ${fmt(expected)}`,
      );
    }
  }
}

/** Reads an array (async, so any backend works). */
export async function values(x: NDArray): Promise<HostArray> {
  return x.data();
}

/** Checks an array's shape and values against a nested list, within tolerance. */
export async function expectClose(
  what: string,
  actual: NDArray | null,
  expected: Nested,
  tol: Tolerance = {},
): Promise<void> {
  // Not check(...): its message would print the array, a synchronous read.
  if (!(actual instanceof NDArray)) fail(`${what}: expected an NDArray, got ${String(actual)}`);
  const { values: ev, shape } = flattenNested(expected);
  if (typeof expected !== 'number') expectShape(what, actual, shape);
  closeValues(what, await actual.data(), ev, tol);
}

/** Checks values bit for bit (-0 and NaN included). */
export async function expectExact(
  what: string,
  actual: NDArray | null,
  expected: Nested,
): Promise<void> {
  // Not check(...): its message would print the array, a synchronous read.
  if (!(actual instanceof NDArray)) fail(`${what}: expected an NDArray, got ${String(actual)}`);
  const { values: ev, shape } = flattenNested(expected);
  if (typeof expected !== 'number') expectShape(what, actual, shape);
  const av = await actual.data();
  for (let i = 0; i < ev.length; i++) {
    if (!Object.is(av[i], Math.fround(ev[i])) && !Object.is(av[i], ev[i])) {
      fail(
        `${what}: element ${i} is ${av[i]}, expected exactly ${ev[i]}\n  got      ${fmt(av)}\n  expected ${fmt(ev)}`,
      );
    }
  }
}

/** Checks a shape. */
export function expectShape(what: string, x: NDArray, shape: readonly number[]): void {
  check(
    x.shape.length === shape.length && x.shape.every((d, i) => d === shape[i]),
    `${what}: shape (${x.shape.join(', ')}), expected (${shape.join(', ')})`,
  );
}

/** Checks that `fn` throws an instance of `type` whose message contains `text`. */
export async function expectThrows(
  what: string,
  fn: () => unknown,
  type: abstract new (...args: never[]) => Error,
  text?: string,
): Promise<void> {
  try {
    await fn();
  } catch (e) {
    check(
      e instanceof type,
      `${what}: threw ${(e as Error)?.name}: ${(e as Error)?.message}, expected ${type.name}`,
    );
    if (text !== undefined) {
      check(
        (e as Error).message.includes(text),
        `${what}: message "${(e as Error).message}" lacks "${text}"`,
      );
    }
    return;
  }
  fail(`${what}: did not throw (expected ${type.name})`);
}

/** Checks two strings are identical, showing the first difference. */
export function expectText(what: string, actual: string, expected: string): void {
  if (actual === expected) return;
  let i = 0;
  while (i < actual.length && actual[i] === expected[i]) i++;
  fail(
    `${what}: text differs at character ${i}\n  got:      ${JSON.stringify(actual)}\n  expected: ${JSON.stringify(expected)}`,
  );
}

/** Checks numpy's `str` of an array, e.g. MXNet docs' printed values (8 decimals). */
export async function expectNumpyStr(
  what: string,
  actual: NDArray,
  expected: string,
): Promise<void> {
  expectText(what, String(await actual.asnumpy()), expected);
}

/** Checks float32 values against their bit patterns (hex), exactly. */
export async function expectBits(
  what: string,
  actual: NDArray,
  bits: readonly string[],
): Promise<void> {
  const v = await actual.data();
  check(v.length === bits.length, `${what}: ${v.length} values, expected ${bits.length}`);
  const u = new Uint32Array(Float32Array.from(v).buffer);
  for (let i = 0; i < bits.length; i++) {
    const got = u[i].toString(16).padStart(8, '0');
    if (got !== bits[i])
      fail(`${what}: element ${i} has bits ${got} (${v[i]}), expected ${bits[i]}`);
  }
}
