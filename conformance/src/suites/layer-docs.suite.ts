import * as mx from '@mxts/core';
import { expectClose, expectExact } from '../assertions.js';
import { defineSuite } from '../conformance-case.js';

const { nd } = mx;

// The x of MXNet's topk and argsort docstrings (src/operator/tensor/ordering_op.cc, 1.9.1).
const ordering = () =>
  nd.array([
    [0.3, 0.2, 0.4],
    [0.1, 0.3, 0.2],
  ]);
// The x of the argmax/argmin docstrings (broadcast_reduce_op_index.cc).
const ramp = () =>
  nd.array([
    [0, 1, 2],
    [3, 4, 5],
  ]);

/**
 * The examples printed in MXNet 1.9.1's operator docstrings for the layer and ordering ops
 * (`mxnet-doc/<op>`): MXNet's own outputs, checked exactly (softmax_cross_entropy within
 * float32 rounding of its last digits).
 */
export const layerDocCases = defineSuite('mxnet-doc', [
  {
    name: 'topk',
    async run() {
      const x = ordering();
      await expectExact('topk(x)', nd.topk(x), [[2], [1]]);
      await expectExact('topk(x, value, k=2)', nd.topk(x, { retTyp: 'value', k: 2 }), [
        [0.4, 0.3],
        [0.3, 0.2],
      ]);
      await expectExact(
        'topk(x, value, k=2, is_ascend)',
        nd.topk(x, { retTyp: 'value', k: 2, isAscend: true }),
        [
          [0.2, 0.3],
          [0.1, 0.2],
        ],
      );
      await expectExact(
        'topk(x, axis=0, value, k=2)',
        nd.topk(x, { axis: 0, retTyp: 'value', k: 2 }),
        [
          [0.3, 0.3, 0.4],
          [0.1, 0.2, 0.2],
        ],
      );
      const [v, i] = nd.topk(x, { retTyp: 'both', k: 2 });
      await expectExact('topk(x, both, k=2) values', v, [
        [0.4, 0.3],
        [0.3, 0.2],
      ]);
      await expectExact('topk(x, both, k=2) indices', i, [
        [2, 0],
        [1, 2],
      ]);
    },
  },
  {
    name: 'sort',
    async run() {
      const x = nd.array([
        [1, 4],
        [3, 1],
      ]);
      await expectExact('sort(x)', nd.sort(x), [
        [1, 4],
        [1, 3],
      ]);
      await expectExact('sort(x, axis=None)', nd.sort(x, { axis: null }), [1, 1, 3, 4]);
      await expectExact('sort(x, axis=0)', nd.sort(x, { axis: 0 }), [
        [1, 1],
        [3, 4],
      ]);
      await expectExact('sort(x, is_ascend=0)', nd.sort(x, { isAscend: false }), [
        [4, 1],
        [3, 1],
      ]);
    },
  },
  {
    name: 'argsort',
    async run() {
      const x = ordering();
      await expectExact('argsort(x)', nd.argsort(x), [
        [1, 0, 2],
        [0, 2, 1],
      ]);
      await expectExact('argsort(x, axis=0)', nd.argsort(x, { axis: 0 }), [
        [1, 0, 1],
        [0, 1, 0],
      ]);
      await expectExact('argsort(x, axis=None)', nd.argsort(x, { axis: null }), [3, 1, 5, 0, 4, 2]);
    },
  },
  {
    name: 'argmax',
    async run() {
      const x = ramp();
      await expectExact('argmax(x, axis=0)', nd.argmax(x, { axis: 0 }), [1, 1, 1]);
      await expectExact('argmax(x, axis=1)', nd.argmax(x, { axis: 1 }), [2, 2]);
      await expectExact('argmax(x, axis=1, keepdims)', nd.argmax(x, { axis: 1, keepdims: true }), [
        [2],
        [2],
      ]);
    },
  },
  {
    name: 'argmin',
    async run() {
      const x = ramp();
      await expectExact('argmin(x, axis=0)', nd.argmin(x, { axis: 0 }), [0, 0, 0]);
      await expectExact('argmin(x, axis=1)', nd.argmin(x, { axis: 1 }), [0, 0]);
      await expectExact('argmin(x, axis=1, keepdims)', nd.argmin(x, { axis: 1, keepdims: true }), [
        [0],
        [0],
      ]);
    },
  },
  {
    name: 'Embedding',
    async run() {
      const y = nd.arange(0, 20).reshape([4, 5]);
      const x = nd.array([
        [1, 3],
        [0, 2],
      ]);
      await expectExact(
        'Embedding(x, y, 4, 5)',
        nd.Embedding(x, y, { inputDim: 4, outputDim: 5 }),
        [
          [
            [5, 6, 7, 8, 9],
            [15, 16, 17, 18, 19],
          ],
          [
            [0, 1, 2, 3, 4],
            [10, 11, 12, 13, 14],
          ],
        ],
      );
    },
  },
  {
    name: 'softmaxCrossEntropy',
    async run() {
      const x = nd.array([
        [1, 2, 3],
        [11, 7, 5],
      ]);
      await expectClose(
        'softmax_cross_entropy(x, [2, 0])',
        nd.softmaxCrossEntropy(x, nd.array([2, 0])),
        [0.4281871],
        { rtol: 1e-6, atol: 0 },
      );
    },
  },
]);
