import { ShapeError } from '../errors/shape-error.js';
import { disposeCreated } from '../memory/collect.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray } from '../validate/check-args.js';
import { logSoftmax } from './log-softmax.js';
import { negative } from './negative.js';
import { pick } from './pick.js';
import { sum } from './sum.js';

/**
 * MXNet `nd.softmax_cross_entropy(data, label)`: -Σ_i log softmax(data_i)[label_i] over
 * the batch, summed (not averaged) into shape (1,). data is (batch, classes), label
 * (batch,) of class indices (clipped into range). Composed of log_softmax, pick and sum, so
 * data's gradient is softmax(data) - one_hot(label); the label gets none.
 *
 * @example
 * mx.nd.softmaxCrossEntropy(mx.nd.array([[0, 0]]), mx.nd.array([1])); // [0.6931472]
 */
export function softmaxCrossEntropy(data: NDArray, label: NDArray): NDArray {
  checkNDArray('softmaxCrossEntropy', 'data', data);
  checkNDArray('softmaxCrossEntropy', 'label', label);
  const op = 'softmaxCrossEntropy';
  if (data.ndim !== 2 || label.ndim !== 1 || label.shape[0] !== data.shape[0]) {
    throw new ShapeError(
      op,
      [data.shape, label.shape],
      'data must be (batch, classes) and label (batch,)',
    );
  }
  return disposeCreated(() => negative(sum(pick(logSoftmax(data, { axis: -1 }), label))));
}
