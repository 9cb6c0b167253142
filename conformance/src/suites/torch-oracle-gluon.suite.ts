import * as mx from '@mxts/core';
import { fail } from '../assertions.js';
import { type CaseSpec, type ConformanceCase, defineSuite } from '../conformance-case.js';
import {
  type OracleBlockEntry,
  type OracleBlockSpec,
  torchOracle,
} from '../fixtures/torch-oracle.js';
import { expectOracle, type OracleTarget, oracleTargets, targetName } from './expect-oracle.js';

const { nd, autograd: ag } = mx;

/** What the cases use of a `gluon.Parameter`. */
export interface GluonParameterLike {
  readonly name: string;
  /** `Parameter.setData`. */
  setData(data: mx.NDArray): void;
  /** `Parameter.data()`. */
  data(): mx.NDArray;
  /** `Parameter.grad()`. */
  grad(): mx.NDArray;
  /** Frees the parameter's arrays. */
  dispose(): void;
}

/** What the cases use of a `gluon.Block`. */
export interface GluonBlockLike {
  /** `Block.initialize()` with the default initializer. */
  initialize(): void;
  /** `Block.forward`. */
  forward(...args: mx.NDArray[]): mx.NDArray;
  /** `Block.collectParams()`: its parameters. */
  collectParams(): {
    /** The parameters, in registration order. */
    values(): Iterable<GluonParameterLike>;
  };
  /** Containers only (`HybridSequential`). */
  add?(...blocks: GluonBlockLike[]): unknown;
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

function build(gluon: GluonLike, spec: OracleBlockSpec): GluonBlockLike {
  const [ns, cls] = spec.block.split('.');
  const found = (gluon as unknown as Record<string, Record<string, unknown>>)[ns]?.[cls];
  if (typeof found !== 'function') fail(`gluon.${spec.block} is missing`);
  return new (found as BlockClass)(...spec.args, spec.options);
}

/** The fixture input each parameter takes: by position, or by its MXNet name's suffix. */
function paramInputs(
  e: OracleBlockEntry,
  all: readonly GluonParameterLike[],
): [string, GluonParameterLike][] {
  const wanted = Object.keys(e.inputs).filter((k) => !e.call.includes(k));
  const pairs: [string, GluonParameterLike][] = [];
  if (e.params !== undefined) {
    if (all.length !== e.params.length) {
      fail(`${e.name}: ${all.length} parameters, the fixture has ${e.params.length}`);
    }
    all.forEach((p, i) => {
      const key = e.params![i];
      const suffix = `_${key.slice(key.lastIndexOf('.') + 1)}`;
      if (!p.name.endsWith(suffix)) fail(`${e.name}: parameter ${i} is ${p.name}, not *${suffix}`);
      pairs.push([key, p]);
    });
    return pairs;
  }
  for (const p of all) {
    const key = wanted.find((k) => p.name.endsWith(`_${k}`));
    if (key === undefined) fail(`${e.name}: the fixture has no value for ${p.name}`);
    pairs.push([key, p]);
  }
  for (const k of wanted) {
    if (!pairs.some(([q]) => q === k)) fail(`${e.name}: ${e.block} has no parameter *_${k}`);
  }
  return pairs;
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
        const net = build(gluon, e);
        for (const child of e.children ?? []) net.add!(build(gluon, child));
        const lossFn = e.loss ? build(gluon, e.loss) : null;
        const a: Record<string, mx.NDArray> = {};
        for (const [k, x] of Object.entries(e.inputs))
          a[k] = nd.array(x.values, { shape: x.shape });
        const params = new Map<string, GluonParameterLike>();
        const all = [...net.collectParams().values()];
        try {
          if (all.length > 0) net.initialize();
          for (const [key, p] of paramInputs(e, all)) {
            p.setData(a[key]);
            params.set(key, p);
          }
          const train = e.mode === 'train';
          const differentiate = target.kind === 'grad';
          if (differentiate) {
            for (const k of Object.keys(e.grads)) if (e.call.includes(k)) a[k].attachGrad();
          }
          const args = e.call.map((k) => a[k]);
          const run = () =>
            lossFn
              ? lossFn.forward(net.forward(...args.slice(0, -1)), args.at(-1)!)
              : net.forward(...args);
          const y = train || differentiate ? ag.record(run, { trainMode: train }) : run();
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
