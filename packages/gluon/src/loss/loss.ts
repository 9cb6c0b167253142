import { InvalidArgumentError, NDArray, ShapeError } from '@mxts/core';
import type { BlockOptions } from '../block.js';
import { AbstractMethodError } from '../errors/abstract-method-error.js';
import { type F, HybridBlock } from '../hybrid-block.js';
import { mxnetName } from '../mxnet-name.js';

/** Options every loss takes (MXNet's `weight=None, batch_axis=0`). */
export interface LossOptions extends BlockOptions {
  /** A global scalar weight on the loss; none by default (L2Loss: 1). */
  weight?: number | null;
  /** The batch axis; the loss is averaged over all others. Default 0. */
  batchAxis?: number;
}

/**
 * MXNet `gluon.loss.Loss(weight, batch_axis)`: the base of losses. `forward(pred, label,
 * sampleWeight?)` gives one value per sample: the elementwise loss, times `sampleWeight`
 * (broadcast) and `weight`, averaged over every axis except `batchAxis`. Subclasses
 * implement `lossForward`.
 *
 * @example
 * const l = new gluon.loss.L2Loss().forward(pred, label); // shape (batch,)
 */
export class Loss extends HybridBlock {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'Loss';
  /** MXNet `_weight`. */
  readonly weight: number | null;
  /** MXNet `_batch_axis`. */
  readonly batchAxis: number;

  constructor(options: LossOptions = {}, defaultWeight: number | null = null) {
    const { weight = defaultWeight, batchAxis = 0, ...blockOptions } = options;
    if (weight !== null && (typeof weight !== 'number' || !Number.isFinite(weight))) {
      throw new InvalidArgumentError(mxnetName(new.target), 'weight must be a number');
    }
    if (!Number.isInteger(batchAxis)) {
      throw new InvalidArgumentError(
        mxnetName(new.target),
        `batchAxis must be an integer, got ${batchAxis}`,
      );
    }
    super(blockOptions);
    this.weight = weight;
    this.batchAxis = batchAxis;
  }

  /**
   * The loss of each sample: `pred` and `label` (and an optional `sampleWeight`
   * broadcastable to the elementwise loss).
   * @example lossFn.forward(net.forward(x), y);
   */
  override forward(pred: NDArray, label: NDArray, sampleWeight?: NDArray | null): NDArray {
    const op = `${mxnetName(this)}.forward`;
    for (const [n, v] of [
      ['pred', pred],
      ['label', label],
    ] as const) {
      if (!(v instanceof NDArray)) {
        throw new InvalidArgumentError(
          op,
          `${n} must be an NDArray, got ${v === null ? 'null' : typeof v}`,
        );
      }
    }
    if (sampleWeight !== undefined && sampleWeight !== null && !(sampleWeight instanceof NDArray)) {
      throw new InvalidArgumentError(op, 'sampleWeight must be an NDArray or omitted');
    }
    return super.forward(pred, label, sampleWeight ?? null);
  }

  override hybridForward(
    F: F,
    pred: NDArray,
    label: NDArray,
    sampleWeight: NDArray | null,
  ): NDArray {
    return this.lossForward(F, pred, label, sampleWeight);
  }

  /** The loss of each sample; override it (MXNet's `hybrid_forward`). */
  lossForward(_F: F, _pred: NDArray, _label: NDArray, _sampleWeight: NDArray | null): NDArray {
    throw new AbstractMethodError(
      `${mxnetName(this)}.lossForward`,
      'override lossForward in your Loss subclass',
    );
  }

  /** MXNet `_reshape_like(F, label, pred)`, with a typed error when the sizes differ. */
  protected reshapeLike(label: NDArray, pred: NDArray): NDArray {
    if (label.size !== pred.size) {
      throw new ShapeError(
        mxnetName(this),
        [pred.shape, label.shape],
        'label must have as many elements as pred (it is reshaped to pred.shape)',
      );
    }
    return label.reshape(pred.shape);
  }

  /** MXNet `_apply_weighting` then `F.mean(loss, axis=batch_axis, exclude=True)`. */
  protected weightedMean(
    F: F,
    loss: NDArray,
    sampleWeight: NDArray | null,
    weight: number | null = this.weight,
  ): NDArray {
    const l = this.applyWeighting(F, loss, sampleWeight, weight);
    if (l.ndim <= 1) return l;
    return F.mean(l, { axis: this.batchAxis, exclude: true });
  }

  /** MXNet `_apply_weighting` then `F.sum(loss, axis=batch_axis, exclude=True)` (KLDivLoss). */
  protected weightedSum(F: F, loss: NDArray, sampleWeight: NDArray | null): NDArray {
    const l = this.applyWeighting(F, loss, sampleWeight, this.weight);
    if (l.ndim <= 1) return l;
    return F.sum(l, { axis: this.batchAxis, exclude: true });
  }

  /** MXNet `_apply_weighting`: times the sample weights, then the global weight. */
  private applyWeighting(
    F: F,
    loss: NDArray,
    sampleWeight: NDArray | null,
    weight: number | null,
  ): NDArray {
    let l = loss;
    if (sampleWeight !== null)
      l = F.broadcastMul(l, broadcastable(mxnetName(this), sampleWeight, l));
    if (weight !== null) l = F.multiply(l, weight);
    return l;
  }

  override toString(): string {
    return `${mxnetName(this)}(batch_axis=${this.batchAxis}, w=${this.weight === null ? 'None' : this.weight})`;
  }
}

function broadcastable(op: string, w: NDArray, loss: NDArray): NDArray {
  const ok = w.ndim === loss.ndim && w.shape.every((d, i) => d === 1 || d === loss.shape[i]);
  if (!ok) {
    throw new ShapeError(
      op,
      [loss.shape, w.shape],
      'sampleWeight must have the loss shape with axes of length 1 where it broadcasts',
    );
  }
  return w;
}
