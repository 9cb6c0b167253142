import { pause } from '../../autograd/scopes.js';
import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { ShapeError } from '../../errors/shape-error.js';
import { fromHost } from '../../ndarray/creation.js';
import type { DType, HostArray } from '../../ndarray/dtype.js';
import { NDArray } from '../../ndarray/ndarray.js';
import { sampleShufflePermutation } from '../../random/index.js';
import { take } from '../take.js';

const OP = 'random.shuffle';

function emptyHost(dtype: DType): HostArray {
  return dtype === 'float64'
    ? new Float64Array(0)
    : dtype === 'int32'
      ? new Int32Array(0)
      : new Float32Array(0);
}

/**
 * MXNet `nd.random.shuffle(data)` (`_shuffle`): a new array with the rows (first axis) of
 * `data` in random order; each row keeps its contents. The order comes from MXNet's
 * separate `kRandom` engine (seeded by `mx.random.seed`, untouched by uniform/normal/
 * randint), with the algorithm of MXNet 1.9.1's x86-64 pip library, which we take to be
 * built with GCC 4.8 (CentOS 7's compiler in its CD image; not checked against a wheel
 * here): 1-D data as GCC 4.8's `std::shuffle`, N-D data as MXNet's own Fisher-Yates, both
 * through libstdc++'s `uniform_int_distribution` as it was up to GCC 10. N-D orders and
 * 1-D orders of fewer than 1000 elements are the same for any GCC up to 10; a GCC 5-10
 * build with OpenMP shuffles 1-D data of 1000+ elements differently (GNU parallel mode,
 * thread-count dependent), and GCC 11+ changed the distribution. No gradient flows through
 * it (MXNet registers none): under `record()` the result is a constant. `data` is not
 * modified.
 *
 * @example
 * mx.random.seed(0);
 * mx.nd.random.shuffle(mx.nd.array([[0, 1], [2, 3], [4, 5]])); // [[0 1] [4 5] [2 3]]
 */
export function shuffle(data: NDArray): NDArray {
  if (!(data instanceof NDArray)) {
    throw new InvalidArgumentError(OP, `data must be an NDArray, got ${typeof data}`);
  }
  if (data.ndim === 0) {
    throw new ShapeError(OP, [data.shape], 'data must have at least one axis to shuffle along');
  }
  const perm = sampleShufflePermutation(data.shape[0], data.ndim);
  // No rows: nothing to reorder or copy (MXNet's N-D path would divide by zero here).
  if (perm.length === 0) return fromHost(emptyHost(data.dtype), data.shape, data.context);
  // One row stays in place; a plain copy also spares wasm's take a clip to [0, 0], which
  // XNNPACK's clamp rejects (it logs and falls back).
  if (perm.length === 1) return pause(() => data.copy());
  const indices = fromHost(perm, [perm.length], data.context);
  try {
    return pause(() => take(data, indices, { axis: 0 }));
  } finally {
    indices.dispose();
  }
}
