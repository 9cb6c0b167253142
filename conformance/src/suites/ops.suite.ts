import * as mx from '@mxts/core';
import { check, expectThrows } from '../assertions.js';
import { type CaseSpec, defineSuite } from '../conformance-case.js';
import { checkForward } from '../op-info/check/forward-check.js';
import { checkGrad1 } from '../op-info/check/gradient-check.js';
import { buildArgs, runOp } from '../op-info/check/materialize.js';
import { NON_OP_EXPORTS, opInfos } from '../op-info/index.js';
import type { OpInfo } from '../op-info/op-info.js';

const REJECTION_ERRORS = {
  ShapeError: mx.ShapeError,
  InvalidArgumentError: mx.InvalidArgumentError,
  DTypeError: mx.DTypeError,
} as const;

/** The forward, broadcasting, edge-value and dtype cases of one op. */
function forwardCases(info: OpInfo): CaseSpec[] {
  const cases: CaseSpec[] = [
    {
      name: `${info.name}/forward`,
      run: () => checkForward(info, [...info.samples, ...(info.forwardOnly ?? [])]),
    },
  ];
  const { broadcast, broadcastRejected, edge, mismatch, rejected } = info;
  if (broadcast) {
    cases.push({
      name: `${info.name}/broadcast`,
      async run() {
        await checkForward(info, broadcast);
        if (!info.gradient) return;
        for (const s of broadcast) await checkGrad1(info, s, `${info.name} [${s.label}]`);
      },
    });
  }
  if (broadcastRejected) {
    cases.push({
      name: `${info.name}/broadcast`,
      async run() {
        for (const s of broadcastRejected) {
          await expectThrows(
            `${info.name} [${s.label}]`,
            () => runOp(info, s, buildArgs(s)),
            mx.ShapeError,
          );
        }
      },
    });
  }
  if (edge) {
    cases.push({
      name: `${info.name}/edge-values`,
      run: () => checkForward(info, edge, { signedZeros: true }),
    });
  }
  for (const dtype of info.dtypes.filter((d) => d !== 'float32')) {
    const samples = info.dtypeSamples?.[dtype];
    if (!samples) throw new Error(`OpInfo ${info.name} lists ${dtype} without samples for it`);
    cases.push({
      name: `${info.name}/dtype-${dtype}`,
      requires: { dtypes: [dtype] },
      run: () => checkForward(info, samples),
    });
  }
  if (mismatch) {
    cases.push({
      name: `${info.name}/dtype-mismatch`,
      requires: { dtypes: ['int32'] },
      run: () =>
        expectThrows(
          `${info.name} [${mismatch.label}]`,
          () => runOp(info, mismatch, buildArgs(mismatch)),
          mx.DTypeError,
        ),
    });
  }
  if (rejected) {
    cases.push({
      name: `${info.name}/rejects`,
      async run() {
        for (const { sample, error } of rejected) {
          await expectThrows(
            `${info.name} [${sample.label}]`,
            () => runOp(info, sample, buildArgs(sample)),
            REJECTION_ERRORS[error],
            info.name,
          );
        }
      },
    });
  }
  return cases;
}

/** Every op of `mx.nd` has an OpInfo, so a new op cannot go unchecked. */
const coverageCase: CaseSpec = {
  name: 'coverage',
  run() {
    const covered = new Set([...opInfos.map((o) => o.name), ...NON_OP_EXPORTS]);
    const missing = Object.entries(mx.nd)
      .filter(([name, value]) => typeof value === 'function' && !covered.has(name))
      .map(([name]) => name);
    check(
      missing.length === 0,
      `no OpInfo for mx.nd.${missing.join(', mx.nd.')}: add one in conformance/src/op-info/ (or list a non-op in NON_OP_EXPORTS)`,
    );
  },
};

/**
 * Per-op forward checks against float64 references: `ops/<op>/forward`, `/broadcast`,
 * `/edge-values`, `/dtype-<dtype>`, `/dtype-mismatch` and `/rejects` (see op-info/).
 */
export const opsCases = defineSuite('ops', [coverageCase, ...opInfos.flatMap(forwardCases)]);
