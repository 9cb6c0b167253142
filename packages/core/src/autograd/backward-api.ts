import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { NDArray } from '../ndarray/ndarray.js';
import { checkNDArrayList, describe } from '../validate/check-args.js';
import { type BackwardOptions, runBackward } from './backward.js';

type Heads = NDArray | readonly NDArray[];
type HeadGrads = NDArray | readonly (NDArray | null | undefined)[] | null | undefined;

/** Options of `autograd.backward`. */
export interface AutogradBackwardOptions extends BackwardOptions {
  /** Gradients of the heads; `null` entries mean ones. MXNet's `head_grads`. */
  headGrads?: HeadGrads;
}

/** Options of `autograd.grad`. */
export interface GradOptions extends AutogradBackwardOptions {
  /** Record the gradient computation so the result can be differentiated again. */
  createGraph?: boolean;
}

function asList(op: string, heads: Heads): readonly NDArray[] {
  const list = heads instanceof NDArray ? [heads] : heads;
  if (!Array.isArray(list)) {
    throw new InvalidArgumentError(
      op,
      `heads must be an NDArray or a list of NDArrays, got ${describe(heads)}`,
    );
  }
  for (const h of list) {
    if (!(h instanceof NDArray)) throw new InvalidArgumentError(op, 'heads must be NDArrays');
  }
  return list;
}

function headGradList(grads: HeadGrads): readonly (NDArray | null | undefined)[] | null {
  if (grads === undefined || grads === null) return null;
  return grads instanceof NDArray ? [grads] : grads;
}

/**
 * MXNet `autograd.backward(heads, head_grads=None, retain_graph=False, train_mode=True)`:
 * computes the gradients of heads with respect to the marked variables and writes them
 * into their `.grad` buffers. Head gradients may also be passed as the second argument.
 *
 * @example
 * const [a, b] = mx.autograd.record(() => [x.mul(2), x.mul(x)]);
 * mx.autograd.backward([a, b]);
 * mx.autograd.backward(y, { headGrads: mx.nd.array([16]), retainGraph: true });
 */
export function backward(
  heads: Heads,
  headGradsOrOptions?: HeadGrads | AutogradBackwardOptions,
  options: AutogradBackwardOptions = {},
): void {
  const isGrads =
    headGradsOrOptions instanceof NDArray ||
    Array.isArray(headGradsOrOptions) ||
    headGradsOrOptions === null;
  const opts = isGrads
    ? { ...options, headGrads: headGradsOrOptions as HeadGrads }
    : { ...(headGradsOrOptions as AutogradBackwardOptions | undefined) };
  const list = asList('backward', heads);
  runBackward(list, headGradList(opts.headGrads), null, {
    retainGraph: opts.retainGraph ?? false,
    createGraph: false,
    trainMode: opts.trainMode ?? true,
  });
}

/**
 * MXNet `autograd.grad(heads, variables, head_grads=None, retain_graph=None,
 * create_graph=False, train_mode=True)`: the gradients of heads with respect to
 * `variables`, returned as new arrays; `.grad` buffers are left alone. Always returns a
 * list, as MXNet. `retainGraph` defaults to `createGraph`.
 *
 * @example
 * const z = mx.autograd.record(() => mx.nd.elemwiseAdd(mx.nd.exp(x), x));
 * const [dx] = mx.autograd.grad(z, [x], { createGraph: true }); // e^x + 1
 * dx.backward(); // x.grad = e^x
 */
export function grad(
  heads: Heads,
  variables: NDArray | readonly NDArray[],
  options: GradOptions = {},
): NDArray[] {
  const vars = variables instanceof NDArray ? [variables] : variables;
  checkNDArrayList('grad', 'variables', vars);
  if (vars.length === 0)
    throw new InvalidArgumentError('grad', 'variables cannot be an empty list.');
  const createGraph = options.createGraph ?? false;
  return runBackward(asList('grad', heads), headGradList(options.headGrads), vars, {
    retainGraph: options.retainGraph ?? createGraph,
    createGraph,
    trainMode: options.trainMode ?? true,
  });
}
