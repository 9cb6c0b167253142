import { describe, expect, it } from 'vitest';
import { MT19937 } from './mt19937.js';

describe('MT19937', () => {
  it('matches std::mt19937(0) / numpy RandomState(0) first outputs (spec §1.2)', () => {
    const e = new MT19937(0);
    expect([e.nextU32(), e.nextU32(), e.nextU32(), e.nextU32(), e.nextU32()]).toEqual([
      2357136044, 2546248239, 3071714933, 3626093760, 2588848963,
    ]);
  });

  it('default seed 5489: output 1 and output 10000 (the C++ standard check value)', () => {
    const e = new MT19937();
    expect(e.nextU32()).toBe(3499211612);
    e.discard(9998);
    expect(e.nextU32()).toBe(4123659995);
    const f = new MT19937(MT19937.DEFAULT_SEED);
    const block = f.fill(new Uint32Array(10000));
    expect(block[9999]).toBe(4123659995);
  });

  it('engine j of a fresh MXNet process is mt19937(j): engine 1 starts 0.417022 (spec H5)', () => {
    // 0.417022 = float32(first draw of mt19937(1)) / 2^32
    const first = new MT19937(1).nextU32();
    expect(first).toBe(1791095845);
  });

  it('reduces the seed modulo 2^32', () => {
    expect(new MT19937(2 ** 32 + 5).nextU32()).toBe(new MT19937(5).nextU32());
    expect(new MT19937(-1).nextU32()).toBe(new MT19937(0xffffffff).nextU32());
  });

  it('fill() equals repeated nextU32() across twist boundaries, from any offset', () => {
    for (const offset of [0, 1, 623, 624, 625, 1000]) {
      const a = new MT19937(42);
      const b = new MT19937(42);
      a.discard(offset);
      b.discard(offset);
      const block = a.fill(new Uint32Array(2000), 0, 2000);
      const single = Array.from({ length: 2000 }, () => b.nextU32());
      expect(Array.from(block)).toEqual(single);
      expect(a.index).toBe(b.index);
    }
  });

  it('fill() honours start/end and leaves the rest untouched', () => {
    const out = new Uint32Array(10);
    new MT19937(0).fill(out, 3, 6);
    expect(Array.from(out.subarray(0, 3))).toEqual([0, 0, 0]);
    expect(out[3]).toBe(2357136044);
    expect(Array.from(out.subarray(6))).toEqual([0, 0, 0, 0]);
  });

  it('discard(n) equals n draws', () => {
    for (const n of [0, 1, 623, 624, 625, 5000]) {
      const a = new MT19937(7);
      const b = new MT19937(7);
      a.discard(n);
      for (let i = 0; i < n; i++) b.nextU32();
      expect(a.nextU32()).toBe(b.nextU32());
    }
  });

  it('getState/setState/clone round-trip exactly and are independent copies', () => {
    const e = new MT19937(123);
    e.discard(700);
    const snap = e.getState();
    const twin = e.clone();
    const expected = Array.from({ length: 1000 }, () => e.nextU32());
    expect(Array.from({ length: 1000 }, () => twin.nextU32())).toEqual(expected);
    expect(snap.mt).not.toBe(e.mt);
    e.setState(snap);
    expect(Array.from({ length: 1000 }, () => e.nextU32())).toEqual(expected);
    e.setState(snap);
    expect(e.nextU32()).toBe(expected[0]);
  });

  it('setState rejects malformed states', () => {
    const e = new MT19937(0);
    expect(() => e.setState({ mt: new Uint32Array(3), index: 0 })).toThrow(RangeError);
    expect(() => e.setState({ mt: new Uint32Array(624), index: 625 })).toThrow(RangeError);
    expect(() => e.setState({ mt: new Uint32Array(624), index: 1.5 })).toThrow(RangeError);
  });

  it('reseeding restarts the stream', () => {
    const e = new MT19937(9);
    const first = e.nextU32();
    e.discard(1234);
    e.seed(9);
    expect(e.nextU32()).toBe(first);
  });
});
