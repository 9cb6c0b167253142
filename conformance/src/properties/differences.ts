import * as mx from '@mxts/core';
import { check, closeValues, expectExact, expectThrows, fail, values } from '../assertions.js';
import { SHUFFLE_VECTORS } from '../fixtures/randint-shuffle-vectors.js';
import { leakFree } from './property-support.js';

const { nd, autograd: ag, init } = mx;

/**
 * What a difference's check may need beyond core: the Gluon package, where it is loaded.
 * @example const env: DifferenceEnv = { gluon };
 */
export interface DifferenceEnv {
  /** `@mxts/gluon` (its `loss` namespace), for the Gluon differences. */
  readonly gluon?: { readonly loss: object };
}

/**
 * One documented difference from MXNet 1.9.1: `key` is text that appears in exactly one
 * bullet of the README's "Where MXTS differs from MXNet 1.9.1, on purpose" section, and
 * `check` asserts that MXTS behaves as that bullet says.
 * @example const d: DocumentedDifference = { key: '`nd.empty` returns zeros', async check() {} };
 */
export interface DocumentedDifference {
  readonly key: string;
  /** Asserts the documented behaviour; throws a ConformanceFailure when it does not hold. */
  check(env: DifferenceEnv): Promise<void>;
}

/**
 * The heading of the README section the table mirrors.
 * @example readme.indexOf(DIFFERENCES_HEADING);
 */
export const DIFFERENCES_HEADING = '## Where MXTS differs from MXNet 1.9.1, on purpose';

/**
 * The bullets of the README's differences section (each bullet's text, continuation lines
 * joined). Throws when the section is missing.
 *
 * @example readmeDifferenceBullets(readFileSync('README.md', 'utf8')).length;
 */
export function readmeDifferenceBullets(readme: string): string[] {
  const lines = readme.split(/\r?\n/);
  const start = lines.indexOf(DIFFERENCES_HEADING);
  if (start < 0) fail(`README has no '${DIFFERENCES_HEADING}' section`);
  const bullets: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('## ')) break;
    if (line.startsWith('- ')) bullets.push(line.slice(2).trim());
    else if (/^\s+\S/.test(line) && bullets.length > 0) {
      bullets[bullets.length - 1] += ` ${line.trim()}`;
    }
  }
  return bullets;
}

/** A Function input after a gradReq 'null' one still gets its gradient; 'add' accumulates. */
class Product extends ag.Function {
  override forward(a: mx.NDArray, b: mx.NDArray): mx.NDArray {
    this.saveForBackward(a, b);
    return a.mul(b);
  }
  override backward(dy: mx.NDArray): mx.NDArray[] {
    const [a, b] = this.savedTensors as mx.NDArray[];
    return [dy.mul(b), dy.mul(a)];
  }
}

class Throws extends ag.Function {
  override forward(_x: mx.NDArray): mx.NDArray {
    throw new Error('forward fails');
  }
}

/**
 * Every documented difference with its check, one per README bullet. A bullet with no entry
 * here, or an entry with no bullet, fails the differences test, so an undocumented difference
 * cannot be added silently.
 * @example documentedDifferences.map((d) => d.key);
 */
export const documentedDifferences: readonly DocumentedDifference[] = [
  {
    key: '`autograd.Function`: MXNet skips the gradients',
    async check() {
      const a = nd.array([2, 3]);
      const b = nd.array([5, 7]);
      a.attachGrad('null');
      b.attachGrad('add');
      for (let i = 0; i < 2; i++) {
        const y = ag.record(() => new Product().apply(a, b) as mx.NDArray);
        y.backward();
      }
      // MXNet 1.9.1 would leave b.grad at 0 (skipped after a's 'null') and not accumulate.
      await expectExact("b after a 'null' input, accumulated twice", b.grad, [4, 6]);
      await expectThrows('forward throws', () => ag.record(() => new Throws().apply(a)), Error);
      check(!ag.isRecording(), 'recording is restored after forward threw');
    },
  },
  {
    key: 'Scope callbacks must be synchronous',
    async check() {
      await expectThrows(
        'record(async () => ...)',
        () => ag.record((async () => {}) as () => unknown),
        mx.InvalidArgumentError,
        'Promise',
      );
      check(!ag.isRecording(), 'recording is off again');
    },
  },
  {
    key: '`nd.empty` returns zeros',
    async check() {
      await expectExact('nd.empty([2, 2])', nd.empty([2, 2]), [
        [0, 0],
        [0, 0],
      ]);
    },
  },
  {
    key: '`nd.split` always returns a list',
    async check() {
      const parts = nd.split(nd.ones([2, 3]), { numOutputs: 1, axis: 1 });
      check(Array.isArray(parts) && parts.length === 1, 'numOutputs 1 gives a list of one');
      await expectExact('the one part', parts[0], [
        [1, 1, 1],
        [1, 1, 1],
      ]);
    },
  },
  {
    key: '`nd.random.randint` raises for `low == high`',
    async check() {
      await expectThrows(
        'randint(3, 3)',
        () => nd.random.randint(3, 3, { shape: [2] }),
        mx.MXNetError,
      );
      await expectThrows(
        'randint int64',
        () => nd.random.randint(0, 3, { shape: [2], dtype: 'int64' as 'int32' }),
        mx.DTypeError,
        'int64',
      );
      // shuffle follows the GCC 4.8 build (the fixture derives its orders from that libstdc++).
      const v = SHUFFLE_VECTORS.find((s) => s.calls[0].ndim === 1) ?? fail('no 1-D shuffle vector');
      mx.random.seed(v.seed);
      const c = v.calls[0];
      await expectExact(
        'shuffle as the GCC 4.8 build',
        nd.random.shuffle(nd.arange(0, c.n)),
        c.perm,
      );
    },
  },
  {
    key: '`gluon.loss.KLDivLoss` sums over the non-batch axes',
    async check(env) {
      const KL = (env.gluon?.loss as Record<string, unknown> | undefined)?.['KLDivLoss'] as
        | (new () => { forward(p: mx.NDArray, l: mx.NDArray): mx.NDArray })
        | undefined;
      if (KL === undefined) fail('this check needs @mxts/gluon (pass { gluon })');
      const pred = [
        [-1.2, -0.4, -2.0],
        [-0.1, -3.0, -0.7],
      ];
      const label = [
        [0.2, 0.5, 0.3],
        [0.6, 0.1, 0.3],
      ];
      const loss = new KL().forward(nd.array(pred), nd.array(label));
      const want = pred.map((row, i) =>
        row.reduce((s, p, j) => s + label[i][j] * (Math.log(label[i][j] + 1e-12) - p), 0),
      );
      closeValues('KLDivLoss per sample (a sum, not a mean)', await values(loss), want, {
        rtol: 1e-5,
        atol: 1e-6,
      });
    },
  },
  {
    key: 'JS has one number type, so an initializer prints an integral value',
    async check() {
      const cases: [string, string][] = [
        [
          new init.Xavier().dumps(),
          '["xavier", {"rnd_type": "uniform", "factor_type": "avg", "magnitude": 3}]',
        ],
        [new init.LSTMBias().dumps(), '["lstmbias", {"forget_bias": 1.0}]'],
        [
          new init.Xavier({ magnitude: init.pyFloat(2) }).dumps(),
          '["xavier", {"rnd_type": "uniform", "factor_type": "avg", "magnitude": 2.0}]',
        ],
      ];
      for (const [got, want] of cases) check(got === want, `dumps() is ${got}, expected ${want}`);
    },
  },
  {
    key: '`Orthogonal` draws MXNet',
    async check() {
      const w = nd.zeros([3, 5]);
      new init.Orthogonal(1.5).apply(new init.InitDesc('fc_weight'), w);
      const gram = await values(nd.dot(w, w, { transposeB: true }));
      const want = [2.25, 0, 0, 0, 2.25, 0, 0, 0, 2.25];
      closeValues('w wᵀ = scale² I', gram, want, { rtol: 1e-4, atol: 1e-5 });
    },
  },
  {
    key: '`new mx.init.Load(path)`',
    async check() {
      await expectThrows(
        "new Load('net.params')",
        () => new init.Load('net.params'),
        mx.InvalidArgumentError,
        'await mx.init.Load.fromFile(path, options)',
      );
      check(typeof init.Load.fromFile === 'function', 'Load.fromFile exists');
    },
  },
  {
    key: '`mx.init.Constant([1, 2, 3]).dumps()`',
    async check() {
      const got = new init.Constant([1, 2, 3]).dumps();
      check(got === '["constant", {"value": [1, 2, 3]}]', `Constant([1, 2, 3]).dumps() is ${got}`);
    },
  },
  {
    key: "An `autograd.Function`'s `backward` is recorded under `createGraph`",
    async check() {
      const x = nd.array([0.5]);
      x.attachGrad();
      const y = ag.record(() => new Product().apply(x, x) as mx.NDArray);
      const [dx] = ag.grad(y, x, { createGraph: true });
      const [ddx] = ag.grad(dx, x);
      await expectExact('d²(x·x)/dx² through the Function', ddx, [2]);
    },
  },
  {
    key: 'An initializer applied under `record()`',
    async check() {
      const w = nd.zeros([2]);
      w.attachGrad();
      await expectThrows(
        'One under record',
        () => ag.record(() => new init.One().apply('w_weight', w)),
        mx.AssignInGraphError,
      );
      await expectExact('w was not written', w, [0, 0]);
    },
  },
];

/**
 * Runs each documented difference's check (with the leak and flag checks), and checks that
 * the README's bullets and the table match one to one.
 *
 * @example await checkDocumentedDifferences(readFileSync('README.md', 'utf8'), { gluon });
 */
export async function checkDocumentedDifferences(
  readme: string,
  env: DifferenceEnv = {},
): Promise<void> {
  const bullets = readmeDifferenceBullets(readme);
  for (const bullet of bullets) {
    const matches = documentedDifferences.filter((d) => bullet.includes(d.key));
    check(
      matches.length === 1,
      `README difference "${bullet.slice(0, 80)}..." has ${matches.length} checks (needs exactly 1 in documentedDifferences)`,
    );
  }
  for (const d of documentedDifferences) {
    const n = bullets.filter((b) => b.includes(d.key)).length;
    check(n === 1, `documented difference '${d.key}' matches ${n} README bullets (needs 1)`);
    await leakFree(`difference '${d.key}'`, () => d.check(env));
  }
}
