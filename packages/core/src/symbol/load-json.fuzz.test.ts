import { expect, test } from 'vitest';
import {
  MLP_1_4,
  SAVE_000800,
} from '../../../../conformance/src/fixtures/mxnet-symbols/mxnet-symbol-files.js';
import { MXNetError } from '../errors/mxnet-error.js';
import * as mx from '../index.js';

// Seeded and replayable: MXTS_SYMBOL_FUZZ_SEED=<seed> reruns one sequence, and a failure
// prints the seed, the iteration and the input.
const SEED = Number(process.env.MXTS_SYMBOL_FUZZ_SEED ?? 20261207);
const ITERATIONS = Number(process.env.MXTS_SYMBOL_FUZZ_ITERATIONS ?? 2000);
// Any one input must be handled well within this (no hang, no runaway loop).

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function convGraph(): string {
  return new mx.name.NameManager().run(() => {
    const d = mx.sym.Variable('data', { shape: [1, 2, 8, 8] });
    const c = mx.sym.Convolution(d, { kernel: [3, 3], numFilter: 4, pad: [1, 1] });
    const p = mx.sym.Pooling(mx.sym.Dropout(c, { p: 0.3 }), { kernel: [2, 2], stride: [2, 2] });
    const ln = mx.sym.LayerNorm(mx.sym.Flatten(p), { axis: -1 });
    const e = mx.sym.Embedding(mx.sym.Variable('idx', { shape: [1] }), {
      inputDim: 5,
      outputDim: 64,
    });
    return mx.sym
      .FullyConnected(ln, { numHidden: 2 })
      .add(mx.sym.FullyConnected(e, { numHidden: 2 }))
      .tojson();
  });
}

function bnGraph(): string {
  return new mx.name.NameManager().run(() => {
    const d = mx.sym.Variable('data', { shape: [2, 3] });
    const fc = mx.sym.FullyConnected(d, { numHidden: 4 });
    const bn = mx.sym.BatchNorm(mx.sym.LeakyReLU(fc, { actType: 'leaky', slope: 0.1 }), {
      outputMeanVar: true,
    });
    return bn.tojson();
  });
}

const NASTY: unknown[] = [
  null,
  true,
  -1,
  0,
  1,
  2 ** 32,
  2 ** 53,
  1e308,
  -0.5,
  'null',
  '',
  '(0,)',
  '(-1, 2)',
  '1e400',
  'nan',
  'x'.repeat(1000),
  [],
  [0],
  [0, 0],
  [0, 0, 0, 0],
  [[0, 0, 0]],
  {},
  { op: 'null' },
  ['int', 10901],
  ['int', 700],
  Array.from({ length: 64 }, (_, i) => i),
];

type Mutate = (text: string, r: () => number) => string;
const pick = <T>(xs: readonly T[], r: () => number): T => xs[Math.floor(r() * xs.length)];

/** Every (container, key) in a parsed JSON value. */
function slots(v: unknown): [Record<string, unknown> | unknown[], string | number][] {
  const out: [Record<string, unknown> | unknown[], string | number][] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) {
      x.forEach((c, i) => {
        out.push([x, i]);
        walk(c);
      });
    } else if (typeof x === 'object' && x !== null) {
      for (const [k, c] of Object.entries(x)) {
        out.push([x as Record<string, unknown>, k]);
        walk(c);
      }
    }
  };
  walk(v);
  return out;
}

const TEXT_MUTATIONS: Mutate[] = [
  (t, r) => t.slice(0, Math.floor(r() * t.length)),
  (t, r) => {
    const i = Math.floor(r() * t.length);
    return t.slice(0, i) + String.fromCharCode(Math.floor(r() * 128)) + t.slice(i + 1);
  },
  (t, r) => {
    const i = Math.floor(r() * t.length);
    return (
      t.slice(0, i) + pick(['{', '}', '[', ']', ',', '"', ':', '-', '9', '\\'], r) + t.slice(i)
    );
  },
  (t, r) => {
    const i = Math.floor(r() * t.length);
    const j = i + Math.floor(r() * 200);
    return t.slice(0, i) + t.slice(j);
  },
  (t, r) => {
    const i = Math.floor(r() * t.length);
    const j = i + Math.floor(r() * 300);
    return t.slice(0, j) + t.slice(i, j) + t.slice(j);
  },
];

const STRUCT_MUTATIONS: ((root: unknown, r: () => number) => void)[] = [
  (root, r) => {
    const s = slots(root);
    if (s.length === 0) return;
    const [c, k] = pick(s, r);
    (c as Record<string | number, unknown>)[k] = structuredClone(pick(NASTY, r));
  },
  (root, r) => {
    const s = slots(root).filter(([c]) => !Array.isArray(c));
    if (s.length === 0) return;
    const [c, k] = pick(s, r);
    delete (c as Record<string, unknown>)[k as string];
  },
  (root, r) => {
    // Swap two node entries' ids/indices: forward references, out-of-range outputs.
    const s = slots(root).filter(
      ([c, k]) => Array.isArray(c) && typeof c[k as number] === 'number',
    );
    if (s.length === 0) return;
    const [c, k] = pick(s, r);
    (c as unknown[])[k as number] = pick([0, 1, 2, 3, 13, 16, 99, 4294967295, -1, 0.5], r);
  },
  (root) => {
    // Oversized: a node claiming billions of outputs.
    const g = root as Record<string, unknown>;
    if (Array.isArray(g['node_row_ptr'])) {
      const rows = g['node_row_ptr'] as number[];
      for (let i = 1; i < rows.length; i++) rows[i] += 4_000_000_000;
    }
  },
  (root, r) => {
    // Deep nesting where a string map is expected.
    const g = root as { nodes?: unknown };
    if (!Array.isArray(g.nodes) || g.nodes.length === 0) return;
    const n = pick(g.nodes, r) as Record<string, unknown>;
    if (typeof n !== 'object' || n === null) return;
    let deep: unknown = 'x';
    for (let i = 0; i < 5000; i++) deep = [deep];
    n[pick(['attrs', 'attr', 'param', 'inputs', 'control_deps'], r)] = deep;
  },
];

/** Everything a user may call on a loaded graph; only MXNetErrors may come out. */
function exercise(s: mx.Symbol): void {
  s.listArguments();
  s.listAuxiliaryStates();
  s.listOutputs();
  s.attrDict();
  try {
    s.inferShapePartial({});
  } catch (e) {
    if (!(e instanceof MXNetError)) throw e;
  }
  const text = s.tojson();
  expect(mx.sym.loadJson(text).tojson()).toBe(text);
}

test(`symbol-JSON fuzzer: ${ITERATIONS} mutated inputs (seed ${SEED}) end in a graph or a typed error`, () => {
  const r = rng(SEED);
  const seeds = [MLP_1_4.text, SAVE_000800.text, bnGraph(), convGraph()];
  let loaded = 0;
  let refused = 0;
  for (let it = 0; it < ITERATIONS; it++) {
    let text = pick(seeds, r);
    const rounds = 1 + Math.floor(r() * 3);
    for (let k = 0; k < rounds; k++) {
      if (r() < 0.5) text = pick(TEXT_MUTATIONS, r)(text, r);
      else {
        try {
          const root = JSON.parse(text);
          pick(STRUCT_MUTATIONS, r)(root, r);
          text = JSON.stringify(root);
        } catch {
          text = pick(TEXT_MUTATIONS, r)(text, r);
        }
      }
    }
    try {
      exercise(mx.sym.loadJson(text));
      loaded++;
    } catch (e) {
      if (!(e instanceof MXNetError)) {
        throw new Error(
          `seed ${SEED}, iteration ${it}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}\ninput: ${text.slice(0, 2000)}`,
        );
      }
      refused++;
    }
  }
  expect(loaded + refused).toBe(ITERATIONS);
  // A fuzzer that only ever refuses, or only ever loads, is not exploring both paths.
  expect(loaded).toBeGreaterThan(ITERATIONS / 50);
  expect(refused).toBeGreaterThan(ITERATIONS / 2);
}, 120_000);

test('oversized text is refused by length before it is parsed', () => {
  const big = `{"nodes": [${'{"op": "null", "name": "x", "inputs": []}, '.repeat(2000)}`;
  // `big` is also unterminated JSON: the length message (not a parse error) shows the length
  // was checked first.
  expect(() => mx.sym.loadJson(big, { maxChars: 1000 })).toThrow(/more than the limit of 1000/);
});
