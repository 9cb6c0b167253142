import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { NDArray } from '../ndarray/ndarray.js';
import { checkNDArrayList } from '../validate/check-args.js';
import type { GradReq } from './node.js';
import { checkGradReq, markVariable } from './tape.js';

/**
 * MXNet `autograd.mark_variables(variables, gradients, grad_reqs='write')`: like
 * `attachGrad`, but you supply the gradient buffers (used as they are, not zeroed).
 *
 * @example
 * const dx = mx.nd.zerosLike(x);
 * mx.autograd.markVariables([x], [dx], 'add');
 */
export function markVariables(
  variables: NDArray | readonly NDArray[],
  gradients: NDArray | readonly NDArray[],
  gradReqs: GradReq | readonly GradReq[] = 'write',
): void {
  const vars = variables instanceof NDArray ? [variables] : variables;
  const grads = gradients instanceof NDArray ? [gradients] : gradients;
  checkNDArrayList('markVariables', 'variables', vars);
  checkNDArrayList('markVariables', 'gradients', grads);
  if (
    variables instanceof NDArray !== gradients instanceof NDArray ||
    vars.length !== grads.length
  ) {
    throw new InvalidArgumentError(
      'markVariables',
      'variables and gradients must be lists of the same length',
    );
  }
  const reqs = typeof gradReqs === 'string' ? vars.map(() => gradReqs) : gradReqs;
  if (reqs.length !== vars.length) {
    throw new InvalidArgumentError(
      'markVariables',
      'gradReqs must be one string or one per variable',
    );
  }
  vars.forEach((v, i) => {
    markVariable(v, grads[i], checkGradReq('markVariables', reqs[i]));
  });
}
