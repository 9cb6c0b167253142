import { type NDArray, ShapeError } from '@mxts/core';
import type { BlockOptions } from '../../../block.js';
import { type F, HybridBlock } from '../../../hybrid-block.js';

/**
 * MXNet `gluon.data.vision.transforms.ToTensor()`: an image (H, W, C) or a batch
 * (N, H, W, C) of values in [0, 255] becomes float32 (C, H, W) / (N, C, H, W) in [0, 1]
 * (MXNet's `image.to_tensor`).
 *
 * @example
 * new gluon.data.vision.transforms.ToTensor().forward(img).shape; // [1, 28, 28]
 */
export class ToTensor extends HybridBlock {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'ToTensor';
  constructor(options: BlockOptions = {}) {
    super(options);
  }

  override hybridForward(F: F, x: NDArray): NDArray {
    if (x.ndim !== 3 && x.ndim !== 4) {
      throw new ShapeError('ToTensor', [x.shape], 'expects (H, W, C) or (N, H, W, C)');
    }
    const axes = x.ndim === 3 ? [2, 0, 1] : [0, 3, 1, 2];
    const f = x.dtype === 'float32' ? x : F.cast(x, { dtype: 'float32' });
    return F.divide(F.transpose(f, { axes }), 255);
  }

  override toString(): string {
    return 'ToTensor';
  }
}
