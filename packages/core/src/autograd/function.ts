import { AssignInGraphError } from '../errors/assign-in-graph-error.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { NotImplementedError } from '../errors/not-implemented-error.js';
import { NDArray } from '../ndarray/ndarray.js';
import { isLive } from './node.js';
import { setRecording } from './state.js';
import { recordOp } from './tape.js';

/** What `forward` returns and `backward` returns: one NDArray or one per output/input. */
export type FunctionOutputs = NDArray | NDArray[];
type Outputs = FunctionOutputs;

/**
 * MXNet `autograd.Function`: an op with a hand-written gradient. Override `forward` and
 * `backward`, then call `new MyFn().apply(...inputs)` (Python's `MyFn()(x)`); each
 * instance runs once. `forward` runs with recording off; `backward` receives one gradient
 * per output and returns one per input.
 *
 * Where MXNet 1.9.1 has bugs, MXTS does what MXNet intended: an input with gradReq 'null'
 * no longer stops the inputs after it from getting gradients, 'add' accumulates, and the
 * recording flag is restored even when `forward` throws. Under `grad(..., { createGraph:
 * true })` the ops of `backward` are recorded, so higher-order gradients flow through it
 * (MXNet runs `backward` unrecorded).
 *
 * Typed by the subclass: `apply` takes `forward`'s parameters and returns what `forward`
 * returns (an `NDArray`, not a union, for a one-output function), and the type argument `S`
 * types `saveForBackward`'s arguments and `savedTensors`.
 *
 * @example
 * class Sigmoid extends mx.autograd.Function<[NDArray]> {
 *   forward(x: NDArray): NDArray { const y = mx.nd.divide(1, mx.nd.add(mx.nd.exp(x.neg()), 1)); this.saveForBackward(y); return y; }
 *   backward(dy: NDArray): NDArray { const [y] = this.savedTensors; return dy.mul(y).mul(mx.nd.subtract(1, y)); }
 * }
 * const m: NDArray = mx.autograd.record(() => new Sigmoid().apply(x));
 */
export class Function<S extends readonly unknown[] = unknown[]> {
  /** What `saveForBackward` stored (empty before); MXNet's `saved_tensors`. */
  savedTensors: Readonly<S> = [] as unknown as Readonly<S>;
  private used = false;

  /** MXNet `save_for_backward(*args)`: keeps values for `backward`. */
  saveForBackward(...args: S): void {
    this.savedTensors = args;
  }

  /** Computes the outputs. Override it. */
  forward(..._inputs: NDArray[]): Outputs {
    throw new NotImplementedError('Function.forward');
  }

  /** Returns one gradient per input, given one per output. Override it. */
  backward(..._outGrads: NDArray[]): Outputs {
    throw new NotImplementedError('Function.backward');
  }

  /** MXNet `Function.__call__`: runs forward and, under `record()`, records this op. */
  apply(...inputs: Parameters<this['forward']>): ReturnType<this['forward']> {
    if (this.used) {
      throw new InvalidArgumentError(
        'Function',
        'Each Function instance can only be called once. Please create another instance.',
      );
    }
    this.used = true;
    const prev = setRecording(false);
    let outputs: ReturnType<this['forward']>;
    try {
      outputs = this.forward(...inputs) as ReturnType<this['forward']>;
    } finally {
      setRecording(prev);
    }
    if (!prev) return outputs;
    const list: unknown[] = Array.isArray(outputs) ? outputs : [outputs];
    for (const o of list) {
      if (!(o instanceof NDArray))
        throw new InvalidArgumentError('Function.forward', 'must return NDArrays');
      if (isLive(o._entry)) throw new AssignInGraphError('Function');
    }
    const ins = inputs as NDArray[];
    recordOp('_CustomFunction', {}, ins, list as NDArray[], ({ outGrads }) => {
      // The backward runs with recording = createGraph, so under createGraph its ops are
      // recorded and a second grad flows through them (MXNet 1.9.1 never records them and
      // cannot differentiate a Function twice; see the README's differences).
      const rets = this.backward(...outGrads);
      const grads = Array.isArray(rets) ? rets : [rets];
      if (grads.length !== ins.length) {
        throw new InvalidArgumentError(
          `${this.constructor.name}.backward`,
          `returned ${grads.length} gradients, but forward took ${ins.length} inputs`,
        );
      }
      for (const g of grads) {
        if (!(g instanceof NDArray)) {
          throw new InvalidArgumentError(
            'Function.backward',
            `must return NDArrays, not ${typeof g}`,
          );
        }
      }
      return grads;
    });
    return outputs;
  }
}
