import type { NDArray } from '../ndarray/ndarray.js';
import { bilinearKernel } from './bilinear-kernel.js';
import type { InitDesc } from './init-desc.js';
import { Initializer } from './initializer.js';
import { readOptions } from './options.js';
import { writeValues } from './write-values.js';

/**
 * MXNet `mx.init.Bilinear()`: the bilinear upsampling kernel for a 4-D deconvolution weight
 * `(out, in, h, w)`, the same in every `(out, in)` slice. MXNet uses the width for both
 * axes, so non-square kernels are treated as square.
 *
 * @example
 * const w = mx.nd.zeros([1, 1, 4, 4]);
 * new mx.init.Bilinear()._initWeight(null, w); // outer([0.25, 0.75, 0.75, 0.25]) with itself
 */
export class Bilinear extends Initializer {
  static override readonly mxnetName: string = 'Bilinear';

  constructor(options?: Record<string, never>) {
    readOptions('Bilinear', options, []);
    super({});
  }

  override _initWeight(_desc: InitDesc | string | null, arr: NDArray): void {
    writeValues(arr, bilinearKernel(this.className, arr.shape));
  }
}
