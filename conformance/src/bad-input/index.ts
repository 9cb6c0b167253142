import * as mx from '@mxts/core';
import { check } from '../assertions.js';
import type { ConformanceCase } from '../conformance-case.js';
import { apiSpecs } from './api-cases.js';
import { defineBadInputs, expectBackendWorks } from './bad-input-case.js';
import { boundarySpecs } from './boundary-cases.js';
import { creationSpecs } from './creation-cases.js';
import { layoutSpecs } from './layout-cases.js';
import { opFamilySpecs } from './op-cases.js';

export { type BadInputSpec, defineBadInputs, runBadInput } from './bad-input-case.js';

const { nd } = mx;

// Theme 5: refused calls in a loop, under record, leave memory flat (every refusal frees
// what it made at once, with no finalizer to wait for).
const refusalSoak: ConformanceCase = {
  id: 'bad-input/memory/300-refusals-under-record-stay-flat',
  suite: 'bad-input',
  async run() {
    const x = nd.ones([2, 3]);
    x.attachGrad();
    const before = mx.memory().arrays;
    const calls: (() => unknown)[] = [
      () => nd.add(x, 'a' as never),
      () => nd.stack([x, nd.ones([3])]),
      () => nd.pick(x, nd.ones([3])),
      () => nd.tile(x, { reps: [1e6, 1e6] }),
      () => x.mul(2).backward(nd.ones([1, 3])),
      () => nd.sliceAxis(x, { axis: 1, begin: 0, end: 9 }),
    ];
    let refused = 0;
    mx.autograd.record(() => {
      for (let i = 0; i < 300; i++) {
        try {
          mx.scope(() => calls[i % calls.length]());
        } catch (e) {
          if (e instanceof mx.MXNetError) refused++;
          else throw e;
        }
      }
    });
    check(refused === 300, `${refused} of 300 bad calls raised an MXNetError`);
    check(
      mx.memory().arrays === before,
      `live arrays went from ${before} to ${mx.memory().arrays} over 300 refused calls`,
    );
    x.dispose();
    await expectBackendWorks('300 refused calls');
  },
};

/**
 * Issue 16's bad-input suite: inputs MXNet 1.9.1 rejects (or that would exhaust a backend),
 * each checked for its typed error, a message naming the op or argument, unchanged autograd
 * flags, no leaked array and a backend that still computes `ones(3) + 1`.
 *
 * @example
 * for (const c of badInputCases) await runCase(c, backend);
 */
export const badInputCases: ConformanceCase[] = [
  ...defineBadInputs('ops', opFamilySpecs),
  ...defineBadInputs('creation', creationSpecs),
  ...defineBadInputs('layout', layoutSpecs),
  ...defineBadInputs('api', apiSpecs),
  ...defineBadInputs('boundary', boundarySpecs),
  refusalSoak,
];
