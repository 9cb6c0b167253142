import { createCpuBackend } from '@mxts/backend-cpu';
import * as mx from '@mxts/core';
import { beforeAll, describe, expect, test } from 'vitest';
import { createWasmBackend } from './index.js';

let wasm: mx.Backend;
let cpu: mx.Backend;

beforeAll(async () => {
  wasm = await createWasmBackend();
  cpu = await createCpuBackend();
});

describe('wasm backend: writeWith fills arrays in place in the heap', () => {
  test('fill writes the values the array then holds; nothing leaks', () => {
    const before = wasm.memory();
    const t = wasm.writeWith!([2, 3], 'float32', (v) => {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v.length).toBe(6);
      for (let i = 0; i < v.length; i++) v[i] = i - 2.5;
    });
    expect(Array.from(wasm.readSync(t))).toEqual([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5]);
    const i = wasm.writeWith!([3], 'int32', (v) => {
      expect(v).toBeInstanceOf(Int32Array);
      v.set([7, -8, 2 ** 31 - 1]);
    });
    expect(Array.from(wasm.readSync(i))).toEqual([7, -8, 2 ** 31 - 1]);
    wasm.dispose(t);
    wasm.dispose(i);
    expect(wasm.memory()).toEqual(before);
  });

  test('a fill that throws frees the array and passes the error on', () => {
    const before = wasm.memory();
    expect(() =>
      wasm.writeWith!([1000], 'float32', () => {
        throw new RangeError('bad parameter');
      }),
    ).toThrow('bad parameter');
    expect(wasm.memory()).toEqual(before);
  });

  test('a dtype the backend lacks is refused before any fill', () => {
    let called = false;
    const mark = () => {
      called = true;
    };
    expect(() => wasm.writeWith!([2], 'float64', mark)).toThrow(mx.DTypeError);
    expect(called).toBe(false);
  });
});

describe('random draws written in place give the bits of a host upload', () => {
  test('nd.random.uniform and normal on wasm equal cpu, same seed; memory flat', () => {
    const draws = (b: mx.Backend) => {
      mx.useBackend(b);
      const before = mx.memory().arrays;
      mx.random.seed(7);
      const u = mx.nd.random.uniform({ shape: [1003], low: -2, high: 3 });
      const n = mx.nd.random.normal({ shape: [3, 331], loc: 1, scale: 0.5 });
      const out = [Array.from(u.dataSync()), Array.from(n.dataSync())];
      u.dispose();
      n.dispose();
      expect(mx.memory().arrays).toBe(before);
      return out;
    };
    const onWasm = draws(wasm);
    const onCpu = draws(cpu);
    // Object.is per element: bit-identical, -0 and NaN included.
    expect(onWasm[0].every((x, i) => Object.is(x, onCpu[0][i]))).toBe(true);
    expect(onWasm[1].every((x, i) => Object.is(x, onCpu[1][i]))).toBe(true);
  });

  test('bad parameters are refused before anything is allocated or drawn', () => {
    mx.useBackend(wasm);
    const before = mx.memory();
    mx.random.seed(3);
    const first = mx.nd.random.uniform({ shape: [4] });
    const expected = Array.from(first.dataSync());
    first.dispose();
    mx.random.seed(3);
    expect(() => mx.nd.random.uniform({ shape: [4], low: 2, high: 1 })).toThrow(
      mx.InvalidArgumentError,
    );
    expect(() => mx.nd.random.normal({ shape: [4], scale: -1 })).toThrow(mx.InvalidArgumentError);
    // Nothing was drawn by the refused calls: the stream continues where the seed put it.
    const again = mx.nd.random.uniform({ shape: [4] });
    expect(Array.from(again.dataSync())).toEqual(expected);
    again.dispose();
    expect(mx.memory()).toEqual(before);
  });
});
