/**
 * Fan computation of MXNet's `Xavier._init_weight`: for a weight of shape
 * `(out, in, k1, k2, ...)` the receptive field is `k1*k2*...` (1 for a 2-D weight), and
 * `fanIn = in * field`, `fanOut = out * field`.
 *
 * MXNet equivalent: the `hw_scale`, `fan_in`, `fan_out` lines of `Xavier._init_weight`.
 * @example computeFans([64, 32, 3, 3]); // { fanIn: 288, fanOut: 576, receptiveField: 9 }
 */
export function computeFans(shape: readonly number[]): {
  fanIn: number;
  fanOut: number;
  receptiveField: number;
} {
  const receptiveField = shape.length > 2 ? shape.slice(2).reduce((a, b) => a * b, 1) : 1;
  return {
    fanIn: shape[1] * receptiveField,
    fanOut: shape[0] * receptiveField,
    receptiveField,
  };
}

/**
 * The factor Xavier divides the magnitude by: `(fanIn + fanOut) / 2` for `'avg'`, `fanIn`
 * for `'in'`, `fanOut` for `'out'`; null for any other factor type.
 * @example xavierFactor([2, 3], 'avg'); // 2.5
 */
export function xavierFactor(shape: readonly number[], factorType: string): number | null {
  const { fanIn, fanOut } = computeFans(shape);
  if (factorType === 'avg') return (fanIn + fanOut) / 2.0;
  if (factorType === 'in') return fanIn;
  if (factorType === 'out') return fanOut;
  return null;
}
