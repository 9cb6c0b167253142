import { type DType, InvalidArgumentError, type NDArray, type nd } from '@mxts/core';
import type { BlockOptions } from '../block.js';
import { type F, HybridBlock } from '../hybrid-block.js';
import type { InitLike, Parameter } from '../parameter.js';
import { Activation, checkActType } from './activation.js';

type ActType = nd.ActType;

/** Options of {@link Dense} (MXNet's keyword arguments, camelCase). */
export interface DenseOptions extends BlockOptions {
  /** Applied after the product; none (linear) by default. */
  activation?: ActType | null;
  /** Default true. */
  useBias?: boolean;
  /** Collapse all input axes but the first (default true); false keeps them. */
  flatten?: boolean;
  /** Default float32. */
  dtype?: DType;
  /** The weight's own initializer; the one `initialize` gets when omitted. */
  weightInitializer?: InitLike | null;
  /** Default 'zeros'. */
  biasInitializer?: InitLike;
  /** Input size; 0 (default) infers it at the first forward. */
  inUnits?: number;
}

/**
 * MXNet `gluon.nn.Dense(units, activation=None, use_bias=True, flatten=True,
 * dtype='float32', weight_initializer=None, bias_initializer='zeros', in_units=0)`:
 * `activation(dot(x, weightᵀ) + bias)` through `mx.nd.FullyConnected`, weight of shape
 * (units, inUnits).
 *
 * @example
 * const layer = new gluon.nn.Dense(10, { activation: 'relu', inUnits: 4 });
 * layer.initialize();
 * layer.forward(mx.nd.ones([2, 4])).shape; // [2, 10]
 */
export class Dense extends HybridBlock {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'Dense';
  /** The weight, shape (units, inUnits). */
  weight: Parameter;
  /** The bias, shape (units,), or null without one. */
  bias: Parameter | null;
  /** The activation child, or null for linear. */
  act: Activation | null;
  private readonly units: number;
  private readonly flattenInput: boolean;

  constructor(units: number, options: DenseOptions = {}) {
    const {
      activation = null,
      useBias = true,
      flatten = true,
      dtype = 'float32',
      weightInitializer = null,
      biasInitializer = 'zeros',
      inUnits = 0,
      ...blockOptions
    } = options;
    if (!Number.isInteger(units) || units <= 0) {
      throw new InvalidArgumentError('nn.Dense', `units must be a positive integer, got ${units}`);
    }
    if (!Number.isInteger(inUnits) || inUnits < 0) {
      throw new InvalidArgumentError('nn.Dense', `inUnits must be an integer >= 0, got ${inUnits}`);
    }
    if (activation !== null) checkActType('nn.Dense', activation);
    super(blockOptions);
    this.units = units;
    this.flattenInput = flatten;
    const [weight, bias, act] = this.nameScope(() => {
      const w = this.params.get('weight', {
        shape: [units, inUnits],
        init: weightInitializer,
        dtype,
        allowDeferredInit: true,
      });
      const b = useBias
        ? this.params.get('bias', {
            shape: [units],
            init: biasInitializer,
            dtype,
            allowDeferredInit: true,
          })
        : null;
      const a =
        activation !== null ? new Activation(activation, { prefix: `${activation}_` }) : null;
      return [w, b, a] as const;
    });
    this.weight = weight;
    this.bias = bias;
    this.act = act;
  }

  /** Sets the weight's in-dimension from the first input. */
  override inferShape(x: NDArray): void {
    const inUnits = this.flattenInput ? x.size / x.shape[0] : x.shape[x.ndim - 1];
    this.weight.shape = [this.units, inUnits];
  }

  override hybridForward(F: F, x: NDArray, params: { weight: NDArray; bias?: NDArray }): NDArray {
    const fc = F.FullyConnected(x, params.weight, params.bias ?? null, {
      numHidden: this.units,
      noBias: params.bias === undefined,
      flatten: this.flattenInput,
    });
    return this.act === null ? fc : this.act.forward(fc);
  }

  override toString(): string {
    const s = this.weight.shape ?? [this.units, 0];
    const inText = s[1] ? String(s[1]) : 'None';
    return `Dense(${inText} -> ${s[0]}, ${this.act === null ? 'linear' : this.act.toString()})`;
  }
}
