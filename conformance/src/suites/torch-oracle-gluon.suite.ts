import * as mx from '@mxts/core';
import { fail } from '../assertions.js';
import { type CaseSpec, type ConformanceCase, defineSuite } from '../conformance-case.js';
import { type OracleBlockEntry, torchOracle } from '../fixtures/torch-oracle.js';
import { expectOracle, type OracleTarget, oracleTargets, targetName } from './expect-oracle.js';

const { nd, autograd: ag } = mx;

/** What the cases use of a `gluon.Parameter`. */
export interface GluonParameterLike {
  readonly name: string;
  setData(data: mx.NDArray): void;
  data(): mx.NDArray;
  grad(): mx.NDArray;
  dispose(): void;
}

/** What the cases use of a `gluon.Block`. */
export interface GluonBlockLike {
  initialize(): void;
  forward(...args: mx.NDArray[]): mx.NDArray;
  collectParams(): { values(): Iterable<GluonParameterLike> };
}

/**
 * The part of `@mxts/gluon` the cases call: its `nn` and `loss` namespaces. The suite takes
 * the module as an argument because @mxts/gluon's tests run this suite (a dependency of
 * the conformance package on gluon would close a cycle through the backends).
 */
export interface GluonLike {
  readonly nn: object;
  readonly loss: object;
}

type BlockClass = new (...args: any[]) => GluonBlockLike;

function blockClass(gluon: GluonLike, path: string): BlockClass {
  const [ns, cls] = path.split('.');
  const found = (gluon as unknown as Record<string, Record<string, unknown>>)[ns]?.[cls];
  if (typeof found !== 'function') fail(`gluon.${path} is missing`);
  return found as BlockClass;
}

/**
 * Builds the block with the entry's weights (`setData` after `initialize()`), runs its
 * forward on the entry's inputs (under `record()` in the entry's mode when it trains or
 * differentiates) and compares one result with PyTorch's. The block's parameters are
 * disposed, and the scope frees the rest.
 */
function blockCase(gluon: GluonLike, e: OracleBlockEntry, target: OracleTarget): CaseSpec {
  const name = `${e.name}/${targetName(target)}`;
  return {
    name,
    run: () =>
      mx.scope(async () => {
        const Block = blockClass(gluon, e.block);
        const net = new Block(...e.args, e.options);
        const a: Record<string, mx.NDArray> = {};
        for (const [k, x] of Object.entries(e.inputs))
          a[k] = nd.array(x.values, { shape: x.shape });
        const params = new Map<string, GluonParameterLike>();
        const all = [...net.collectParams().values()];
        try {
          if (all.length > 0) net.initialize();
          const wanted = Object.keys(e.inputs).filter((k) => !e.call.includes(k));
          for (const p of all) {
            const key = wanted.find((k) => p.name.endsWith(`_${k}`));
            if (key === undefined) fail(`${name}: the fixture has no value for ${p.name}`);
            p.setData(a[key]);
            params.set(key, p);
          }
          for (const k of wanted) {
            if (!params.has(k)) fail(`${name}: ${e.block} has no parameter named *_${k}`);
          }
          const train = e.mode === 'train';
          const differentiate = target.kind === 'grad';
          if (differentiate) {
            for (const k of Object.keys(e.grads)) if (e.call.includes(k)) a[k].attachGrad();
          }
          const args = e.call.map((k) => a[k]);
          const y =
            train || differentiate
              ? ag.record(() => net.forward(...args), { trainMode: train })
              : net.forward(...args);
          if (target.kind === 'forward') {
            await expectOracle(`${name}: output`, y, e.forward);
          } else if (target.kind === 'moving') {
            const p = params.get(target.state)!;
            await expectOracle(`${name}: ${p.name}`, p.data(), e.movingAfter![target.state]);
          } else {
            y.backward(nd.array(e.head.values, { shape: e.head.shape }), { trainMode: train });
            const k = target.input;
            const g = e.call.includes(k) ? a[k].grad : params.get(k)!.grad();
            if (g === null) fail(`${name}: ${k} has no gradient after backward`);
            await expectOracle(`${name}: d<y, head>/d${k}`, g, e.grads[k]);
          }
        } finally {
          for (const p of all) p.dispose();
        }
      }),
  };
}

/**
 * Gluon's layers and losses against PyTorch float64 (`torch-gluon/<block>/<sample>/<check>`),
 * built with given weights: forward outputs, the gradients of the inputs and parameters for
 * a fixed head gradient, BatchNorm's running statistics after a training step. Call it with
 * the `@mxts/gluon` module and run the cases on a backend (`runConformance(create, { cases })`).
 *
 * @example
 * import * as gluon from '@mxts/gluon';
 * const report = await runConformance(() => createCpuBackend(), { cases: torchOracleGluonCases(gluon) });
 */
export function torchOracleGluonCases(gluon: GluonLike): ConformanceCase[] {
  return defineSuite(
    'torch-gluon',
    torchOracle.blocks.flatMap((e) => oracleTargets(e).map((t) => blockCase(gluon, e, t))),
  );
}
