import { InvalidArgumentError, type NDArray, nd, ShapeError } from '@mxts/core';
import type { BlockOptions } from '../../../block.js';
import { type F, HybridBlock } from '../../../hybrid-block.js';

/**
 * MXNet `gluon.data.vision.transforms.Normalize(mean=0.0, std=1.0)`: per channel
 * `(x - mean[c]) / std[c]` on (C, H, W) or (N, C, H, W) (MXNet's `image.normalize`); a
 * number applies to every channel.
 *
 * @example
 * new gluon.data.vision.transforms.Normalize(0.13, 0.31).forward(tensor);
 */
export class Normalize extends HybridBlock {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'Normalize';
  readonly mean: readonly number[];
  readonly std: readonly number[];

  constructor(
    mean: number | readonly number[] = 0,
    std: number | readonly number[] = 1,
    options: BlockOptions = {},
  ) {
    const m = typeof mean === 'number' ? [mean] : [...mean];
    const s = typeof std === 'number' ? [std] : [...std];
    if (m.length === 0 || s.length === 0 || s.some((v) => v === 0)) {
      throw new InvalidArgumentError(
        'Normalize',
        'mean and std need at least one value; std must not be 0',
      );
    }
    super(options);
    this.mean = m;
    this.std = s;
  }

  override hybridForward(F: F, x: NDArray): NDArray {
    if (x.ndim !== 3 && x.ndim !== 4) {
      throw new ShapeError('Normalize', [x.shape], 'expects (C, H, W) or (N, C, H, W)');
    }
    const c = x.shape[x.ndim - 3];
    for (const [name, v] of [
      ['mean', this.mean],
      ['std', this.std],
    ] as const) {
      if (v.length !== 1 && v.length !== c) {
        throw new ShapeError(
          'Normalize',
          [x.shape],
          `${name} has ${v.length} values for ${c} channels`,
        );
      }
    }
    const shape = x.ndim === 3 ? [-1, 1, 1] : [1, -1, 1, 1];
    const per = (v: readonly number[]) =>
      nd.array(v.length === 1 ? new Array(c).fill(v[0]) : v, { ctx: x.ctx }).reshape(shape);
    return F.broadcastDiv(F.broadcastSub(x, per(this.mean)), per(this.std));
  }

  override toString(): string {
    return `Normalize(mean=${this.mean}, std=${this.std})`;
  }
}
