import { type CaseSpec, defineSuite } from '../conformance-case.js';
import { checkGrad1, checkGrad2 } from '../op-info/check/gradient-check.js';
import { checkKinkGradients } from '../op-info/check/kink-check.js';
import { opInfos } from '../op-info/index.js';
import type { OpInfo } from '../op-info/op-info.js';

/** First- and second-order gradient cases of one differentiable op. */
function gradCases(info: OpInfo): CaseSpec[] {
  if (!info.gradient) return [];
  const { kinkGradients } = info;
  const kinkCase: CaseSpec[] = kinkGradients
    ? [{ name: `${info.name}/grad-kinks`, run: () => checkKinkGradients(info, kinkGradients) }]
    : [];
  return [
    {
      name: `${info.name}/grad1`,
      async run() {
        for (const s of info.samples) await checkGrad1(info, s, `${info.name} [${s.label}]`);
      },
    },
    {
      name: `${info.name}/grad2`,
      async run() {
        for (const s of info.samples) await checkGrad2(info, s, `${info.name} [${s.label}]`);
      },
    },
    ...kinkCase,
  ];
}

/**
 * Per-op gradient checks against central differences: `ops/<op>/grad1` (first order) and
 * `ops/<op>/grad2` (second order, MXNet's higher-order gradient tests as a property), and
 * `ops/<op>/grad-kinks` (MXNet's choice where the derivative is undefined).
 */
export const gradcheckCases = defineSuite('ops', opInfos.flatMap(gradCases));
