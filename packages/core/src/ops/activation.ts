import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { disposeCreated } from '../memory/collect.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { checkNDArray, checkRequiredOptions } from '../validate/check-args.js';
import { abs } from './abs.js';
import { add } from './add.js';
import { divide } from './divide.js';
import { relu } from './relu.js';
import { sigmoid } from './sigmoid.js';
import { softrelu } from './softrelu.js';
import { tanh } from './tanh.js';

/** MXNet's `act_type` values. */
export type ActType = 'relu' | 'sigmoid' | 'tanh' | 'softrelu' | 'softsign';

/**
 * MXNet `nd.Activation(data, act_type)`: relu, sigmoid, tanh, softrelu or softsign
 * (x / (1 + |x|), composed).
 *
 * @example
 * mx.nd.Activation(mx.nd.array([-1, 1]), { actType: 'relu' }); // [0. 1.]
 */
export function Activation(x: NDArray, options: { actType: ActType }): NDArray {
  checkNDArray('Activation', 'x', x);
  checkRequiredOptions('Activation', options);
  return disposeCreated(() => {
    switch (options.actType) {
      case 'relu':
        return relu(x);
      case 'sigmoid':
        return sigmoid(x);
      case 'tanh':
        return tanh(x);
      case 'softrelu':
        return softrelu(x);
      case 'softsign':
        return divide(x, add(abs(x), 1));
      default:
        throw new InvalidArgumentError(
          'Activation',
          `unknown actType '${String(options.actType)}'; use relu, sigmoid, tanh, softrelu or softsign`,
        );
    }
  });
}
