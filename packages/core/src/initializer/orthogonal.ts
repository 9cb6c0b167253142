import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { sampleNormal, sampleUniform } from '../random/index.js';
import type { InitDesc } from './init-desc.js';
import { Initializer } from './initializer.js';
import { readArgs } from './options.js';
import { orthonormalFactor } from './orthonormal-basis.js';
import { type PyNumber, pyNumber, toNumber } from './py-float.js';
import { writeValues } from './write-values.js';

/** MXNet's `rand_type` of {@link Orthogonal}: the distribution of the matrix decomposed. */
export type OrthogonalRandType = 'uniform' | 'normal';

/** Options of {@link Orthogonal}. */
export interface OrthogonalOptions {
  /** Scale of the orthonormal matrix; default 1.414. */
  scale?: PyNumber;
  /** `'uniform'` (default) or `'normal'`: the distribution of the matrix decomposed. */
  randType?: OrthogonalRandType;
}

/**
 * MXNet `mx.init.Orthogonal(scale=1.414, rand_type="uniform")` (Saxe et al. 2013): draws an
 * `(out, prod(rest))` matrix from U(-1, 1) or N(0, 1) on MXNet's random stream, takes the
 * orthonormal factor of its SVD (`u` for tall or square matrices, `vᵀ` for wide ones) and
 * scales it. Rows (wide) or columns (tall) are orthogonal with norm `scale`. The draws are
 * MXNet's; the SVD's signs are not LAPACK's, so only this property matches MXNet.
 *
 * @example
 * const w = mx.nd.zeros([3, 5]);
 * new mx.init.Orthogonal().apply(new mx.init.InitDesc('fc_weight'), w); // w·wᵀ ≈ 1.414² I
 */
export class Orthogonal extends Initializer {
  static override readonly mxnetName: string = 'Orthogonal';

  /** MXNet's `self.scale`. */
  readonly scale: number;
  /** MXNet's `self.rand_type`. */
  readonly randType: OrthogonalRandType;

  constructor(options?: OrthogonalOptions);
  constructor(scale: PyNumber, randType?: string);
  constructor(...args: unknown[]) {
    const o = readArgs('Orthogonal', args, ['scale', 'randType']);
    // biome-ignore lint/suspicious/noApproximativeNumericConstant: MXNet's default is 1.414, not √2
    const s = pyNumber('Orthogonal', 'scale', o.scale ?? 1.414, 'float');
    const randType = String(o.randType ?? 'uniform') as OrthogonalRandType;
    super({ scale: s, rand_type: randType });
    this.scale = toNumber(s);
    this.randType = randType;
  }

  override _initWeight(_desc: InitDesc | string | null, arr: NDArray): void {
    const nout = arr.shape[0];
    const nin = arr.shape.slice(1).reduce((a, b) => a * b, 1);
    let tmp: Float32Array;
    if (this.randType === 'uniform') tmp = sampleUniform(nout * nin, -1.0, 1.0);
    else if (this.randType === 'normal') tmp = sampleNormal(nout * nin, 0.0, 1.0);
    else {
      throw new InvalidArgumentError(
        this.className,
        `UnboundLocalError: local variable 'tmp' referenced before assignment (randType '${this.randType}'; use 'uniform' or 'normal')`,
      );
    }
    const res = orthonormalFactor(tmp, nout, nin);
    // numpy: float32 SVD result times a Python float, in float32.
    const scale = Math.fround(this.scale);
    const out = new Float32Array(res.length);
    for (let i = 0; i < res.length; i++) out[i] = scale * Math.fround(res[i]);
    writeValues(arr, out);
  }
}
