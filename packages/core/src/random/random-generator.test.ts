import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { f32Bits, f32Hex, fnv1a, hexWords, numpyFloat32Str } from './fixtures/bits.js';
import { LIBSTDCXX_SESSION } from './fixtures/libstdcxx-session.js';
import { MXRNG_VECTORS } from './fixtures/mxrng-vectors.js';
import { canonicalFloatFromU32, generateCanonicalDouble } from './generate-canonical.js';
import { launchRngChunks } from './launch-rng-split.js';
import { MT19937 } from './mt19937.js';
import { parseFloatParam } from './parse-float-param.js';
import { polarNormalDouble, polarNormalFloat } from './polar-normal.js';
import {
  defaultGenerator,
  getState,
  RandomGenerator,
  type RandomGeneratorState,
  sampleBernoulliMask,
  sampleNormal,
  sampleUniform,
  seed,
  setState,
} from './random-generator.js';

/** float32 bits of numpy-printed decimals whose shortest round-trip text fits numpy's 8 digits. */
function printed(...values: number[]): string {
  return f32Hex(values.map((v) => Math.fround(v)));
}

/** The values as numpy prints them, joined like a 1-D array body. */
function numpyText(values: Float32Array): string {
  return Array.from(values, numpyFloat32Str).join(' ');
}

// Tests that touch the module-level generator restore it, so their order does not matter.
let saved: RandomGeneratorState;
beforeEach(() => {
  saved = getState();
  seed(0);
});
afterEach(() => {
  setState(saved);
});

describe('reference vectors (spec mxrng_vectors.json)', () => {
  for (const v of MXRNG_VECTORS) {
    it(`seed ${v.seed} ${v.op}(${v.params.join(', ')}) n=${v.n}`, () => {
      const g = new RandomGenerator(v.seed);
      const [a, b] = v.params;
      const out = v.op === 'uniform' ? g.uniform(v.n, a, b) : g.normal(v.n, a, b);
      expect(out).toBeInstanceOf(Float32Array);
      expect(f32Hex(out)).toBe(v.bits);
      // The module-level functions draw the same values from the default generator.
      seed(v.seed);
      const viaModule = v.op === 'uniform' ? sampleUniform(v.n, a, b) : sampleNormal(v.n, a, b);
      expect(f32Hex(viaModule)).toBe(v.bits);
    });
  }
});

describe('libstdc++ harness session (successive calls, big N, float64, masks, seeds)', () => {
  it('replays every step bit for bit', () => {
    const g = new RandomGenerator();
    for (const [k, step] of LIBSTDCXX_SESSION.entries()) {
      if (step.op === 'seed') {
        g.seed(step.seed);
        continue;
      }
      if (step.op === 'discard') {
        g.engine(step.engine).discard(step.count);
        continue;
      }
      const options = { dtype: step.dtype ?? 'float32' };
      let out: Float32Array | Float64Array;
      if (step.op === 'mask') {
        out = g.bernoulliMask(step.n, step.p, { ...options, axes: step.axes === true });
      } else if (step.op === 'uniform') {
        out = g.uniform(step.n, step.a, step.b, options);
      } else {
        out = g.normal(step.n, step.a, step.b, options);
      }
      expect(out).toBeInstanceOf(step.dtype === 'float64' ? Float64Array : Float32Array);
      const got = step.fnv !== undefined ? fnv1a(out) : hexWords(out);
      expect([k, step.op, step.n, got]).toEqual([k, step.op, step.n, step.fnv ?? step.bits]);
    }
  });
});

describe('section H (mxnet-tests.md)', () => {
  it('H1: fresh uniform(0, 1) is 0.5488135', () => {
    expect(f32Hex(sampleUniform(1, 0, 1))).toBe(printed(0.5488135));
  });

  it('H2: fresh normal(0, 1) is 2.2122064', () => {
    expect(f32Hex(sampleNormal(1, 0, 1))).toBe(printed(2.2122064));
  });

  it('H3: fresh uniform(size=(2,3))', () => {
    expect(f32Hex(sampleUniform(6))).toBe(
      printed(0.5488135, 0.5928446, 0.71518934, 0.84426576, 0.60276335, 0.8579456),
    );
  });

  it('H4: seed(42) then uniform(5); seed(42) then normal(5)', () => {
    seed(42);
    expect(f32Hex(sampleUniform(5))).toBe(
      printed(0.82909364, 0.7478349, 0.55818135, 0.5657354, 0.63112146),
    );
    seed(42);
    expect(f32Hex(sampleNormal(5))).toBe(
      printed(0.5294428, 1.9753686, 0.29129395, -0.25185385, -0.11550321),
    );
  });

  it('H5: uniform(100) puts engine 1 (= mt19937(1)) at out[50:53]', () => {
    const out = sampleUniform(100);
    expect(f32Hex(out.subarray(50, 53))).toBe(printed(0.417022, 0.9971848, 0.7203245));
    const e1 = new MT19937(1);
    expect(out[50]).toBe(canonicalFloatFromU32(e1.nextU32()));
  });

  it('H6: seed(128) then normal(shape=(2,2)) follows 1.9.1, not the old docstring', () => {
    seed(128);
    const out = sampleNormal(4);
    expect(f32Hex(out)).toBe(printed(0.47400656, 0.20251541, 1.3648157, -1.4962182));
    expect(out[1]).not.toBe(Math.fround(-0.75213492));
  });

  it("H7: seed(1.5) throws 'seed_state must be int'", () => {
    expect(() => seed(1.5)).toThrow(TypeError);
    expect(() => seed(1.5)).toThrow('seed_state must be int');
    expect(() => new RandomGenerator(Number.NaN)).toThrow('seed_state must be int');
  });
});

describe('other documented draws (spec §8, mxnet-tests A5, G15-G17)', () => {
  it('successive calls continue the engines', () => {
    expect(f32Hex(sampleUniform(3))).toBe(printed(0.5488135, 0.5928446, 0.71518934));
    expect(f32Hex(sampleUniform(3))).toBe(printed(0.84426576, 0.60276335, 0.8579456));
    seed(0);
    sampleUniform(100);
    expect(f32Hex(sampleUniform(3))).toBe(printed(0.639921, 0.5820198, 0.14335328));
  });

  it('A5: fresh Dropout(ones(10,10), p=0.5) mask', () => {
    const mask = sampleBernoulliMask(100, 0.5);
    expect(Array.from(mask.subarray(0, 10))).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 2, 0]);
    expect(mask.filter((m) => m === 2).length).toBe(44);
    expect(mask.every((m) => m === 0 || m === 2)).toBe(true);
    // Same draws as a uniform(100): kept where u <= 0.5 (u == 0.5 keeps).
    seed(0);
    const u = sampleUniform(100);
    expect(Array.from(mask)).toEqual(Array.from(u, (x) => (x <= 0.5 ? 2 : 0)));
  });

  it('G15: fresh Uniform() and Normal() on a (2,3) weight', () => {
    // Docs print 8 fractional digits, so check the text and the exact bits (from mxrng.py).
    const u = sampleUniform(6, -0.07, 0.07);
    expect(numpyText(u)).toBe('0.0068339 0.01299825 0.0301265 0.04819721 0.01438687 0.05011239');
    expect(f32Hex(u)).toBe('3bdfeee0 3c54f698 3cf6cbdc 3d456a70 3c6bb6e8 3d4d42a6');
    seed(0);
    const n = sampleNormal(6, 0, 0.01);
    expect(numpyText(n)).toBe('0.02212206 0.00774004 0.0104344 0.01183925 0.01891711 -0.01234741');
    expect(f32Hex(n)).toBe('3cb53954 3bfda025 3c2af50f 3c41f96f 3c9af810 bc4a4ccf');
  });

  it('G15: Xavier uses the dmlc-parsed scale 1.0954452f', () => {
    const s = 1.0954451150103321;
    const out = sampleUniform(6, -s, s);
    const lo = parseFloatParam(-s);
    expect(f32Bits(lo)).toBe(0xbf8c378c);
    seed(0);
    const u = sampleUniform(6);
    const range = Math.fround(parseFloatParam(s) - lo);
    expect(f32Hex(out)).toBe(f32Hex(Array.from(u, (x) => lo + Math.fround(range * x))));
  });

  it('G15: MSRAPrelu draws N(0, 0.8677218312746247)', () => {
    const out = sampleNormal(6, 0, 0.8677218312746247);
    seed(0);
    const n = sampleNormal(6);
    const sd = Math.fround(0.8677218312746247);
    expect(f32Hex(out)).toBe(f32Hex(Array.from(n, (x) => Math.fround(x * sd))));
  });

  it('G16: fresh Uniform(0.1) on (1,3)', () => {
    const w = sampleUniform(3, -0.1, 0.1);
    expect(numpyText(w)).toBe('0.0097627 0.01856892 0.04303787');
    expect(f32Hex(w)).toBe('3c1ff3c0 3c981dd8 3d30487a');
  });

  it('G17: Uniform(0.1) on (1,3) after 24 engine-0 draws', () => {
    defaultGenerator.engine(0).discard(24);
    const w = sampleUniform(3, -0.1, 0.1);
    expect(numpyText(w)).toBe('0.01360891 -0.02144304 0.08511933');
    expect(f32Hex(w)).toBe('3c5ef7e8 bcafa950 3dae530b');
  });
});

/** A deliberately naive model of the generator, for checking the optimised loops. */
class NaiveModel {
  private engines = new Map<number, MT19937>();
  private base = 0;

  seed(s: number): void {
    this.base = Math.imul(127, s | 0) >>> 0;
    this.engines.clear();
  }

  engine(j: number): MT19937 {
    let e = this.engines.get(j);
    if (e === undefined) {
      e = new MT19937((this.base + j) >>> 0);
      this.engines.set(j, e);
    }
    return e;
  }

  run(n: number, f64: boolean, draw: (e: MT19937) => number): Float32Array | Float64Array {
    const out = f64 ? new Float64Array(n) : new Float32Array(n);
    for (const c of launchRngChunks(n)) {
      const e = this.engine(c.engine);
      for (let i = c.start; i < c.end; i++) out[i] = draw(e);
    }
    return out;
  }
}

describe('properties', () => {
  it('the optimised samplers equal a naive composition of the pieces, over random sessions', () => {
    let state = 2024;
    const rand = (k: number): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state % k;
    };
    const g = new RandomGenerator(0);
    const model = new NaiveModel();
    model.seed(0);
    const sizes = [0, 1, 2, 3, 31, 63, 64, 65, 100, 129, 311, 624, 625, 1249, 4099, 65537];
    for (let step = 0; step < 250; step++) {
      const what = rand(10);
      if (what === 0) {
        const s = rand(2 ** 31) - 2 ** 30;
        g.seed(s);
        model.seed(s);
        continue;
      }
      if (what === 1) {
        // Odd offsets near the end of a block make polar pairs straddle a twist.
        const j = rand(40);
        const count = rand(3) === 0 ? 623 - (g.engine(j).index % 624) : rand(700);
        g.engine(j).discard(count);
        model.engine(j).discard(count);
        continue;
      }
      const n = rand(8) === 0 ? rand(70000) : sizes[rand(sizes.length)];
      const f64 = rand(5) === 0;
      const dtype = f64 ? 'float64' : 'float32';
      let got: Float32Array | Float64Array;
      let want: Float32Array | Float64Array;
      if (what < 5) {
        const lo = [0, -0.07, 1.5, -3][rand(4)];
        const hi = lo + [0, 0.14, 1, 2.5][rand(4)];
        const l = parseFloatParam(lo);
        const r = Math.fround(parseFloatParam(hi) - l);
        got = g.uniform(n, lo, hi, { dtype });
        want = f64
          ? model.run(n, true, (e) => l + r * generateCanonicalDouble(e))
          : model.run(n, false, (e) => l + Math.fround(r * canonicalFloatFromU32(e.nextU32())));
      } else if (what < 8) {
        const mu = parseFloatParam([0, 1, -0.5][rand(3)]);
        const sd = parseFloatParam([1, 0.01, 2.5][rand(3)]);
        got = g.normal(n, mu, sd, { dtype });
        want = f64
          ? model.run(n, true, (e) => polarNormalDouble(e) * sd + mu)
          : model.run(n, false, (e) => Math.fround(polarNormalFloat(e) * sd) + mu);
      } else {
        const p = [0.5, 0.1, 0.9, 0.25][rand(4)];
        const axes = rand(2) === 0;
        const pkeep = Math.fround(1 - parseFloatParam(p));
        const scale = Math.fround(1 / pkeep);
        got = g.bernoulliMask(n, p, { dtype, axes });
        want = model.run(n, f64, (e) => {
          const u = f64
            ? Math.fround(generateCanonicalDouble(e))
            : canonicalFloatFromU32(e.nextU32());
          return (axes ? u < pkeep : u <= pkeep) ? scale : 0;
        });
      }
      expect([step, n, fnv1a(got)]).toEqual([step, n, fnv1a(want)]);
    }
    // Every engine ends in the same state as in the model.
    for (let j = 0; j < 1024; j++) {
      expect(g.engine(j).getState()).toEqual(model.engine(j).getState());
    }
  });

  it('normal pairs that straddle a twist are drawn like the plain polar method', () => {
    for (const offset of [620, 621, 622, 623, 624, 625]) {
      for (const n of [1, 3, 64]) {
        const g = new RandomGenerator(8);
        g.engine(0).discard(offset);
        const e = new MT19937(Math.imul(127, 8) >>> 0);
        e.discard(offset);
        const want = Array.from({ length: n }, () => polarNormalFloat(e));
        expect([offset, n, f32Hex(g.normal(n))]).toEqual([offset, n, f32Hex(want)]);
        expect(g.engine(0).getState()).toEqual(e.getState());
      }
    }
  });

  it('seeding is deterministic and equals constructing with that seed', () => {
    const calls = (g: RandomGenerator): string =>
      [
        f32Hex(g.uniform(1000, -1, 1)),
        f32Hex(g.normal(777)),
        f32Hex(g.bernoulliMask(300, 0.3)),
        fnv1a(g.uniform(70000)),
      ].join('|');
    const g = new RandomGenerator(5);
    const first = calls(g);
    expect(calls(g)).not.toBe(first);
    g.seed(5);
    expect(calls(g)).toBe(first);
    expect(calls(new RandomGenerator(5))).toBe(first);
    expect(calls(new RandomGenerator(2 ** 32 + 5))).toBe(first);
    expect(calls(new RandomGenerator(5n))).toBe(first);
  });

  it('engine j is seeded with (127*s + j) mod 2^32', () => {
    for (const s of [0, 1, 42, -1, 2 ** 31 - 1, -(2 ** 31), 33818640]) {
      const g = new RandomGenerator(s);
      const base = Math.imul(127, s) >>> 0;
      for (const j of [0, 1, 1023]) {
        expect(g.engine(j).nextU32()).toBe(new MT19937((base + j) >>> 0).nextU32());
      }
      expect(g.seedState).toBe(s | 0);
    }
    // 127 * 33818640 = 2^32 - 16: engine 16 wraps around to mt19937(0).
    const wrapped = new RandomGenerator(33818640);
    expect(wrapped.engine(16).nextU32()).toBe(new MT19937(0).nextU32());
    expect(wrapped.engine(0).nextU32()).toBe(new MT19937(2 ** 32 - 16).nextU32());
  });

  it('a call only touches engines that get values', () => {
    const g = new RandomGenerator(3);
    g.uniform(100);
    const s = g.getState();
    expect(s.engines[0]).not.toBeNull();
    expect(s.engines[1]).not.toBeNull();
    expect(s.engines[2]).toBeNull();
    g.uniform(65537);
    const t = g.getState();
    expect(t.engines[1008]).not.toBeNull();
    expect(t.engines[1009]).toBeNull();
    const indices = (st: RandomGeneratorState): string =>
      st.engines.map((e) => (e === null ? '-' : e.index)).join(',');
    expect(g.uniform(0).length).toBe(0);
    expect(indices(g.getState())).toBe(indices(t));
  });
});

describe('state snapshots', () => {
  it('getState/setState restore the exact continuation', () => {
    const g = new RandomGenerator(9);
    g.normal(5000);
    const snap = g.getState();
    const a = [fnv1a(g.uniform(70000)), f32Hex(g.normal(300))];
    g.setState(snap);
    expect([fnv1a(g.uniform(70000)), f32Hex(g.normal(300))]).toEqual(a);
    const other = new RandomGenerator(1);
    other.setState(snap);
    expect([fnv1a(other.uniform(70000)), f32Hex(other.normal(300))]).toEqual(a);
    expect(other.seedState).toBe(9);
  });

  it('a snapshot is unaffected by later draws, and clone() is independent', () => {
    const g = new RandomGenerator(4);
    g.uniform(10);
    const snap = g.getState();
    const copy = JSON.stringify(snap.engines.map((e) => (e ? Array.from(e.mt) : null)));
    const twin = g.clone();
    const next = f32Hex(g.uniform(10));
    expect(JSON.stringify(snap.engines.map((e) => (e ? Array.from(e.mt) : null)))).toBe(copy);
    expect(f32Hex(twin.uniform(10))).toBe(next);
  });

  it('module getState/setState wrap the default generator', () => {
    seed(77);
    const snap = getState();
    const a = f32Hex(sampleNormal(10));
    setState(snap);
    expect(f32Hex(sampleNormal(10))).toBe(a);
    expect(() => setState({ seedState: 0, engines: [] })).toThrow(RangeError);
  });
});

describe('parameters, dtypes and errors', () => {
  it('returns Float64Array for dtype float64 and fills caller arrays', () => {
    expect(sampleUniform(3, 0, 1, { dtype: 'float64' })).toBeInstanceOf(Float64Array);
    expect(sampleNormal(3, 0, 1, { dtype: 'float64' })).toBeInstanceOf(Float64Array);
    expect(sampleBernoulliMask(3, 0.5, { dtype: 'float64' })).toBeInstanceOf(Float64Array);
    const g = new RandomGenerator();
    const out = new Float32Array(5);
    expect(g.fillUniform(out)).toBe(out);
    expect(f32Hex(out)).toBe('3f0c7f0b 3f17c4aa 3f3716a6 3f5821cd 3f1a4eb3');
    g.seed(0);
    const n = new Float32Array(5);
    g.fillNormal(n);
    expect(f32Hex(n)).toBe('400d94ca 3f46251d 3f858f74 3f978adf 3ff22399');
  });

  it('float64 uniform uses two draws per value and a float32 (hi - lo)', () => {
    const g = new RandomGenerator();
    const out = g.uniform(3, -0.1, 0.3, { dtype: 'float64' });
    const e = new MT19937(0);
    const lo = Math.fround(-0.1);
    const range = Math.fround(Math.fround(0.3) - lo);
    expect(Array.from(out)).toEqual([0, 1, 2].map(() => lo + range * generateCanonicalDouble(e)));
  });

  it('uniform requires high >= low (after float32 parsing)', () => {
    expect(() => sampleUniform(3, 1, 0)).toThrow(
      new RangeError('low must be less or equal to high in uniform distribution'),
    );
    expect(() => sampleUniform(3, 0, Number.NaN)).toThrow(RangeError);
    // equal bounds are allowed and give the bound
    expect(Array.from(sampleUniform(2, 0.5, 0.5))).toEqual([0.5, 0.5]);
  });

  it('normal requires scale > 0', () => {
    for (const bad of [0, -1, Number.NaN]) {
      expect(() => sampleNormal(3, 0, bad)).toThrow(
        new RangeError('scale parameter in gaussian has to be positive'),
      );
    }
  });

  it('parameter errors come before count errors and consume nothing', () => {
    const before = getState();
    expect(() => sampleUniform(-1, 1e-39, 1)).toThrow("Out of range value for low, value='1e-39'");
    expect(() => sampleUniform(-1)).toThrow(RangeError);
    expect(() => sampleNormal(1.5)).toThrow(RangeError);
    expect(() => sampleUniform(1, 0, 1, { dtype: 'float16' as unknown as 'float32' })).toThrow(
      TypeError,
    );
    expect(getState()).toEqual(before);
  });

  it('Dropout passes through without drawing when 1 - p rounds to 1', () => {
    const before = getState();
    expect(Array.from(sampleBernoulliMask(4, 0))).toEqual([1, 1, 1, 1]);
    expect(Array.from(sampleBernoulliMask(4, 1e-9))).toEqual([1, 1, 1, 1]);
    expect(getState()).toEqual(before);
  });

  it('Dropout mask with p = 1 is NaN (0 * Infinity), as in MXNet', () => {
    expect(sampleBernoulliMask(4, 1).every((m) => Number.isNaN(m))).toBe(true);
  });

  it('Dropout p must lie in [0, 1]', () => {
    expect(() => sampleBernoulliMask(4, 1.5)).toThrow(
      new RangeError('value 1.5 for Parameter p exceed bound [0,1]'),
    );
    expect(() => sampleBernoulliMask(4, -0.1)).toThrow(RangeError);
  });

  it('Dropout with axes keeps u < 1-p instead of u <= 1-p', () => {
    // Make engine 0's next output 2^31 (u = 0.5 exactly) by inverting the tempering.
    const untemper = (v: number): number => {
      let y = (v ^ (v >>> 18)) >>> 0;
      y = (y ^ ((y << 15) & 0xefc60000)) >>> 0;
      let t = y;
      for (let i = 0; i < 4; i++) t = (y ^ ((t << 7) & 0x9d2c5680)) >>> 0;
      y = t;
      for (let i = 0; i < 2; i++) t = (y ^ (t >>> 11)) >>> 0;
      return t;
    };
    const mt = new Uint32Array(624);
    mt[0] = untemper(2 ** 31);
    const probe = new MT19937(0);
    probe.setState({ mt, index: 0 });
    expect(canonicalFloatFromU32(probe.nextU32())).toBe(0.5);
    const inclusive = new RandomGenerator(0);
    inclusive.engine(0).setState({ mt, index: 0 });
    const strict = new RandomGenerator(0);
    strict.engine(0).setState({ mt, index: 0 });
    expect(inclusive.bernoulliMask(1, 0.5)[0]).toBe(2);
    expect(strict.bernoulliMask(1, 0.5, { axes: true })[0]).toBe(0);
  });

  it('engine() validates its index', () => {
    const g = new RandomGenerator();
    expect(() => g.engine(1024)).toThrow(RangeError);
    expect(() => g.engine(-1)).toThrow(RangeError);
  });
});
