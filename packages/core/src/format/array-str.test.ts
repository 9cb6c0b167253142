import { describe, expect, it } from 'vitest';
import { type ArrayData, array2string, arrayRepr, arrayStr } from './array-str.js';
import type { PrintDtype } from './print-dtype.js';

const f32 = (values: number[]) => new Float32Array(values);

/** `np.arange(n, dtype=np.float32)` */
const arange = (n: number) => f32(Array.from({ length: n }, (_, i) => i));

/** The ten values of the documented `dx` (seed document, D1). */
const documentedDx = f32([
  0.21458015, 0.21291625, 0.23330082, 0.2361367, 0.23086983, 0.24060014, 0.20326573, 0.21093895,
  0.24968489, 0.24301809,
]);

/** `np.linspace(0, 1, 30).astype(np.float32)` */
const linspace30 = f32(Array.from({ length: 30 }, (_, i) => i / 29));

describe('arrayStr: choosing positional or scientific (ndarray-print.md §3.1)', () => {
  it('compares float32 values widened to double', () => {
    // np.float32(1e-4) is 9.99999974737875e-05 < 0.0001
    expect(arrayStr(f32([1e-4, 1]), [2], 'float32')).toBe('[1.e-04 1.e+00]');
    expect(arrayStr(f32([0.0001, 0.01]), [2], 'float32')).toBe('[1.e-04 1.e-02]');
  });

  it('keeps 1e6..1e8 positional (numpy 1.x; numpy 2.3 switched float32 at 1e6)', () => {
    expect(arrayStr(f32([1234567, 2000000]), [2], 'float32')).toBe('[1234567. 2000000.]');
  });

  it('divides max by min in float32', () => {
    // In double the ratio is 1000.0000211…, in float32 it is exactly 1000: not > 1000.
    expect(arrayStr(f32([1.9415961503982544, 1941.59619140625]), [2], 'float32')).toBe(
      '[   1.9415962 1941.5962   ]',
    );
  });

  it('stays positional without finite non-zero values', () => {
    expect(arrayStr(f32([0, 0]), [2], 'float32')).toBe('[0. 0.]');
    expect(arrayStr(f32([Number.NaN, Number.NaN]), [2], 'float32')).toBe('[nan nan]');
    expect(arrayStr(f32([Number.NEGATIVE_INFINITY]), [1], 'float32')).toBe('[-inf]');
  });
});

describe('arrayStr: positional layout (§3.3)', () => {
  it('pads each element to the common integer and fraction widths', () => {
    expect(arrayStr(f32([0.0097627, 0.01856892, 0.04303787]), [1, 3], 'float32')).toBe(
      '[[0.0097627  0.01856892 0.04303787]]',
    );
    expect(arrayStr(f32([-0.3214761, -0.12660924, 0.5378942]), [3], 'float32')).toBe(
      '[-0.3214761  -0.12660924  0.5378942 ]',
    );
    expect(arrayStr(f32([1.5, -2.25, 100]), [3], 'float32')).toBe('[  1.5   -2.25 100.  ]');
    expect(arrayStr(f32([0.001, 1.0]), [2], 'float32')).toBe('[0.001 1.   ]');
  });

  it('right-aligns nan and inf in the same width', () => {
    const { NaN: nan, POSITIVE_INFINITY: inf, NEGATIVE_INFINITY: ninf } = Number;
    expect(arrayStr(f32([nan, inf]), [2], 'float32')).toBe('[nan inf]');
    expect(arrayStr(f32([ninf, 1]), [2], 'float32')).toBe('[-inf   1.]');
    expect(arrayStr(f32([nan, 1.5, ninf]), [3], 'float32')).toBe('[ nan  1.5 -inf]');
    expect(arrayStr(f32([nan, 1e-5]), [2], 'float32')).toBe('[   nan 1.e-05]');
    expect(arrayStr(f32([ninf, 1e-5, 1]), [3], 'float32')).toBe('[  -inf 1.e-05 1.e+00]');
  });

  it('prints negative zero as -0.', () => {
    expect(arrayStr(f32([-0, 1]), [2], 'float32')).toBe('[-0.  1.]');
    expect(arrayStr(f32([-0]), [1], 'float32')).toBe('[-0.]');
    expect(arrayRepr(f32([0, -0]), [2], 'float32')).toBe('array([ 0., -0.], dtype=float32)');
  });

  it('uses the float32 shortest digits, not the double ones', () => {
    expect(arrayStr(f32([0.1, 1 / 3]), [2], 'float32')).toBe('[0.1        0.33333334]');
    expect(arrayStr([0.1, 1 / 3], [2], 'float64')).toBe('[0.1        0.33333333]');
  });

  it('prints whole digits past the unique ones (min_digits=0)', () => {
    // float32 67108872 is '67108870.0' as a scalar but '67108872.' in an array.
    expect(arrayStr(f32([67108872]), [1], 'float32')).toBe('[67108872.]');
  });
});

describe('arrayStr: scientific layout (§3.4)', () => {
  it('pads mantissas to a common number of digits', () => {
    expect(arrayStr(f32([1e8, 1]), [2], 'float32')).toBe('[1.e+08 1.e+00]');
    expect(arrayStr(f32([1234567, 1]), [2], 'float32')).toBe('[1.234567e+06 1.000000e+00]');
    expect(arrayStr(f32([0.5, 1000.5]), [2], 'float32')).toBe('[5.0000e-01 1.0005e+03]');
    expect(arrayStr(f32([9.999e-5, 0.01]), [2], 'float32')).toBe('[9.999e-05 1.000e-02]');
    expect(arrayStr(f32([1e-8]), [1], 'float32')).toBe('[1.e-08]');
    expect(arrayStr(f32([123456789]), [1], 'float32')).toBe('[1.2345679e+08]');
  });

  it('extends short mantissas with exact digits, not zeros (numpy >= 1.21)', () => {
    expect(arrayStr(f32([0.3, 1.2345678e-5]), [2], 'float32')).toBe(
      '[3.0000001e-01 1.2345678e-05]',
    );
  });

  it('pads exponents to the widest one', () => {
    expect(arrayStr([1e-300, 1e300], [2], 'float64')).toBe('[1.e-300 1.e+300]');
    expect(arrayRepr([1e-300, 1e300, -1.5], [3], 'float64')).toBe(
      'array([ 1.0e-300,  1.0e+300, -1.5e+000])',
    );
  });
});

describe('arrayStr: layout and wrapping (§4.1)', () => {
  it('nests rows and blocks', () => {
    expect(arrayStr(f32([1, 1, 1, 1, 1, 1]), [2, 3], 'float32')).toBe('[[1. 1. 1.]\n [1. 1. 1.]]');
    expect(arrayStr(arange(8), [2, 2, 2], 'float32')).toBe(
      '[[[0. 1.]\n  [2. 3.]]\n\n [[4. 5.]\n  [6. 7.]]]',
    );
  });

  it('wraps at 75 columns with a one-space hanging indent', () => {
    expect(arrayStr(documentedDx, [10], 'float32')).toBe(
      '[0.21458015 0.21291625 0.23330082 0.2361367  0.23086983 0.24060014\n' +
        ' 0.20326573 0.21093895 0.24968489 0.24301809]',
    );
    expect(arrayStr(linspace30, [30], 'float32')).toBe(
      '[0.         0.03448276 0.06896552 0.10344828 0.13793103 0.1724138\n' +
        ' 0.20689656 0.2413793  0.27586207 0.31034482 0.3448276  0.37931034\n' +
        ' 0.41379312 0.44827586 0.4827586  0.51724136 0.55172414 0.5862069\n' +
        ' 0.62068963 0.6551724  0.6896552  0.7241379  0.7586207  0.79310346\n' +
        ' 0.82758623 0.86206895 0.8965517  0.9310345  0.9655172  1.        ]',
    );
  });
});

describe('arrayRepr (§4.2)', () => {
  it('prints the numpy 1.24 examples', () => {
    expect(arrayRepr(f32([0]), [1], 'float32')).toBe('array([0.], dtype=float32)');
    expect(arrayRepr(f32([0.0097627, 0.01856892, 0.04303787]), [1, 3], 'float32')).toBe(
      'array([[0.0097627 , 0.01856892, 0.04303787]], dtype=float32)',
    );
    expect(arrayRepr(f32([1, 2, 3]), [3], 'float32')).toBe('array([1., 2., 3.], dtype=float32)');
    expect(arrayRepr(f32([1.5, 2.25, 3, 4]), [2, 2], 'float32')).toBe(
      'array([[1.5 , 2.25],\n       [3.  , 4.  ]], dtype=float32)',
    );
    expect(arrayRepr(f32(new Array(6).fill(0.12345678)), [6], 'float32')).toBe(
      'array([0.12345678, 0.12345678, 0.12345678, 0.12345678, 0.12345678,\n' +
        '       0.12345678], dtype=float32)',
    );
    expect(arrayRepr([1.5], [1], 'float64')).toBe('array([1.5])');
    expect(arrayRepr([1, 2, 30], [3], 'int64')).toBe('array([ 1,  2, 30])');
  });

  it('moves the dtype to its own line past column 75 (D1)', () => {
    expect(arrayRepr(documentedDx, [10], 'float32')).toBe(
      'array([0.21458015, 0.21291625, 0.23330082, 0.2361367 , 0.23086983,\n' +
        '       0.24060014, 0.20326573, 0.21093895, 0.24968489, 0.24301809],\n' +
        '      dtype=float32)',
    );
    expect(arrayRepr(linspace30, [30], 'float32')).toBe(
      'array([0.        , 0.03448276, 0.06896552, 0.10344828, 0.13793103,\n' +
        '       0.1724138 , 0.20689656, 0.2413793 , 0.27586207, 0.31034482,\n' +
        '       0.3448276 , 0.37931034, 0.41379312, 0.44827586, 0.4827586 ,\n' +
        '       0.51724136, 0.55172414, 0.5862069 , 0.62068963, 0.6551724 ,\n' +
        '       0.6896552 , 0.7241379 , 0.7586207 , 0.79310346, 0.82758623,\n' +
        '       0.86206895, 0.8965517 , 0.9310345 , 0.9655172 , 1.        ],\n' +
        '      dtype=float32)',
    );
  });

  it('names non-default integer dtypes only', () => {
    expect(arrayRepr([1, 2, 3], [3], 'int32')).toBe('array([1, 2, 3], dtype=int32)');
    expect(arrayRepr(new Uint8Array([1, 2, 3]), [3], 'uint8')).toBe(
      'array([1, 2, 3], dtype=uint8)',
    );
    expect(arrayRepr(new BigInt64Array([1n, 2n, 3n]), [3], 'int64')).toBe('array([1, 2, 3])');
    expect(arrayRepr([1, 0], [2], 'bool')).toBe('array([ True, False])');
  });
});

describe('summarization (§4.3)', () => {
  it('shows 3 edge items around ... when size > 1000', () => {
    expect(arrayStr(arange(1001), [1001], 'float32')).toBe(
      '[   0.    1.    2. ...  998.  999. 1000.]',
    );
    expect(arrayRepr(arange(1001), [1001], 'float32')).toBe(
      'array([   0.,    1.,    2., ...,  998.,  999., 1000.], dtype=float32)',
    );
    expect(
      arrayRepr(
        new BigInt64Array(3000).map((_, i) => BigInt(i)),
        [3000],
        'int64',
      ),
    ).toBe('array([   0,    1,    2, ..., 2997, 2998, 2999])');
    expect(arrayRepr(new Uint8Array(1001), [1001], 'bool')).toBe(
      'array([False, False, False, ..., False, False, False])',
    );
  });

  it('formats from the shown items only, with ... as its own row', () => {
    expect(arrayStr(arange(2000), [40, 50], 'float32')).toBe(
      '[[0.000e+00 1.000e+00 2.000e+00 ... 4.700e+01 4.800e+01 4.900e+01]\n' +
        ' [5.000e+01 5.100e+01 5.200e+01 ... 9.700e+01 9.800e+01 9.900e+01]\n' +
        ' [1.000e+02 1.010e+02 1.020e+02 ... 1.470e+02 1.480e+02 1.490e+02]\n' +
        ' ...\n' +
        ' [1.850e+03 1.851e+03 1.852e+03 ... 1.897e+03 1.898e+03 1.899e+03]\n' +
        ' [1.900e+03 1.901e+03 1.902e+03 ... 1.947e+03 1.948e+03 1.949e+03]\n' +
        ' [1.950e+03 1.951e+03 1.952e+03 ... 1.997e+03 1.998e+03 1.999e+03]]',
    );
    expect(arrayRepr(arange(2000), [40, 50], 'float32')).toBe(
      'array([[0.000e+00, 1.000e+00, 2.000e+00, ..., 4.700e+01, 4.800e+01,\n' +
        '        4.900e+01],\n' +
        '       [5.000e+01, 5.100e+01, 5.200e+01, ..., 9.700e+01, 9.800e+01,\n' +
        '        9.900e+01],\n' +
        '       [1.000e+02, 1.010e+02, 1.020e+02, ..., 1.470e+02, 1.480e+02,\n' +
        '        1.490e+02],\n' +
        '       ...,\n' +
        '       [1.850e+03, 1.851e+03, 1.852e+03, ..., 1.897e+03, 1.898e+03,\n' +
        '        1.899e+03],\n' +
        '       [1.900e+03, 1.901e+03, 1.902e+03, ..., 1.947e+03, 1.948e+03,\n' +
        '        1.949e+03],\n' +
        '       [1.950e+03, 1.951e+03, 1.952e+03, ..., 1.997e+03, 1.998e+03,\n' +
        '        1.999e+03]], dtype=float32)',
    );
  });

  it('summarizes only the long axes of a 3-d array', () => {
    expect(arrayStr(arange(1200), [2, 6, 100], 'float32')).toBe(
      '[[[0.000e+00 1.000e+00 2.000e+00 ... 9.700e+01 9.800e+01 9.900e+01]\n' +
        '  [1.000e+02 1.010e+02 1.020e+02 ... 1.970e+02 1.980e+02 1.990e+02]\n' +
        '  [2.000e+02 2.010e+02 2.020e+02 ... 2.970e+02 2.980e+02 2.990e+02]\n' +
        '  [3.000e+02 3.010e+02 3.020e+02 ... 3.970e+02 3.980e+02 3.990e+02]\n' +
        '  [4.000e+02 4.010e+02 4.020e+02 ... 4.970e+02 4.980e+02 4.990e+02]\n' +
        '  [5.000e+02 5.010e+02 5.020e+02 ... 5.970e+02 5.980e+02 5.990e+02]]\n' +
        '\n' +
        ' [[6.000e+02 6.010e+02 6.020e+02 ... 6.970e+02 6.980e+02 6.990e+02]\n' +
        '  [7.000e+02 7.010e+02 7.020e+02 ... 7.970e+02 7.980e+02 7.990e+02]\n' +
        '  [8.000e+02 8.010e+02 8.020e+02 ... 8.970e+02 8.980e+02 8.990e+02]\n' +
        '  [9.000e+02 9.010e+02 9.020e+02 ... 9.970e+02 9.980e+02 9.990e+02]\n' +
        '  [1.000e+03 1.001e+03 1.002e+03 ... 1.097e+03 1.098e+03 1.099e+03]\n' +
        '  [1.100e+03 1.101e+03 1.102e+03 ... 1.197e+03 1.198e+03 1.199e+03]]]',
    );
  });
});

describe('integers and booleans (§4.5)', () => {
  it('right-aligns to the widest element', () => {
    expect(arrayStr([1, 2, 30], [3], 'int64')).toBe('[ 1  2 30]');
    expect(arrayStr([1, 2, 3], [3], 'int32')).toBe('[1 2 3]');
    expect(arrayStr([-5, 120], [2], 'int32')).toBe('[ -5 120]');
    expect(arrayStr(new BigInt64Array([-(2n ** 63n), 2n ** 63n - 1n]), [2], 'int64')).toBe(
      '[-9223372036854775808  9223372036854775807]',
    );
    expect(arrayStr([1, 0], [2], 'bool')).toBe('[ True False]');
    expect(arrayRepr([1, 0], [2], 'bool')).toBe('array([ True, False])');
  });
});

describe('empty and 0-d arrays (§4.6)', () => {
  it('prints [] and names the dtype, plus the shape unless it is (0,)', () => {
    expect(arrayStr(f32([]), [0], 'float32')).toBe('[]');
    expect(arrayStr(f32([]), [2, 0], 'float32')).toBe('[]');
    expect(arrayRepr(f32([]), [0], 'float32')).toBe('array([], dtype=float32)');
    expect(arrayRepr(f32([]), [2, 0], 'float32')).toBe('array([], shape=(2, 0), dtype=float32)');
    expect(arrayRepr([], [0], 'float64')).toBe('array([], dtype=float64)');
    expect(arrayRepr([], [0, 3], 'int64')).toBe('array([], shape=(0, 3), dtype=int64)');
    expect(arrayRepr([], [1, 0, 2], 'bool')).toBe('array([], shape=(1, 0, 2), dtype=bool)');
  });

  it('prints a 0-d array as its scalar for str, as one formatted element for repr', () => {
    expect(arrayStr(f32([3.5]), [], 'float32')).toBe('3.5');
    expect(arrayStr(f32([2048]), [], 'float32')).toBe('2048.0');
    expect(arrayRepr(f32([3.5]), [], 'float32')).toBe('array(3.5, dtype=float32)');
    expect(arrayRepr(f32([1e-5]), [], 'float32')).toBe('array(1.e-05, dtype=float32)');
    expect(arrayRepr([1], [], 'float64')).toBe('array(1.)');
    expect(arrayRepr([1], [], 'bool')).toBe('array(True)');
    expect(arrayRepr([5], [], 'int32')).toBe('array(5, dtype=int32)');
  });
});

describe('the strings MXTS must reproduce', () => {
  it('D5 / G16: print(param.asnumpy()) of the seed example', () => {
    const printed =
      `fullyconnected1_weight\n${arrayStr(f32([0.0097627, 0.01856892, 0.04303787]), [1, 3], 'float32')}\n` +
      `fullyconnected1_bias\n${arrayStr(f32([0]), [1], 'float32')}\n`;
    expect(printed).toBe(
      'fullyconnected1_weight\n[[0.0097627  0.01856892 0.04303787]]\nfullyconnected1_bias\n[0.]\n',
    );
  });

  it('E3: the fresh-process sigmoid inputs and gradients', () => {
    const x = f32([
      0.5488135, 0.5928446, 0.71518934, 0.84426576, 0.60276335, 0.8579456, 0.5448832, 0.8472517,
      0.4236548, 0.6235637,
    ]);
    expect(arrayStr(x, [10], 'float32')).toBe(
      '[0.5488135  0.5928446  0.71518934 0.84426576 0.60276335 0.8579456\n' +
        ' 0.5448832  0.8472517  0.4236548  0.6235637 ]',
    );
    const dx = f32([
      0.23208144, 0.22925895, 0.2205717, 0.21025445, 0.22859976, 0.20910253, 0.23232493, 0.2100039,
      0.23910952, 0.22719035,
    ]);
    expect(arrayRepr(dx, [10], 'float32')).toBe(
      'array([0.23208144, 0.22925895, 0.2205717 , 0.21025445, 0.22859976,\n' +
        '       0.20910253, 0.23232493, 0.2100039 , 0.23910952, 0.22719035],\n' +
        '      dtype=float32)',
    );
  });
});

describe('array2string', () => {
  it('uses the prefix for the hanging indent and the suffix for the width', () => {
    expect(
      array2string(f32([1, 2, 3]), [3], 'float32', {
        separator: ', ',
        prefix: 'array(',
        suffix: ',',
      }),
    ).toBe('[1., 2., 3.]');
    expect(
      array2string(f32([1.5, 2.25, 3, 4]), [2, 2], 'float32', {
        separator: ', ',
        prefix: 'array(',
      }),
    ).toBe('[[1.5 , 2.25],\n       [3.  , 4.  ]]');
    expect(array2string([], [0], 'int32')).toBe('[]');
  });
});

const f64 = (values: number[]) => new Float64Array(values);
const i64 = (values: bigint[]) => new BigInt64Array(values);

/** Random arrays and the `str` / `repr` numpy 1.x printed for them. */
const numpyCases: [ArrayData, number[], PrintDtype, string, string][] = [
  [[133, 177, 48], [3], 'uint8', '[133 177  48]', 'array([133, 177,  48], dtype=uint8)'],
  [
    f32([-56.4375, 29.875, 33.1875, -39.6875, 42.125, -26.9375, -20.5625, -26.0625, -32.9375]),
    [1, 3, 3],
    'float32',
    '[[[-56.4375  29.875   33.1875]\n  [-39.6875  42.125  -26.9375]\n  [-20.5625 -26.0625 -32.9375]]]',
    'array([[[-56.4375,  29.875 ,  33.1875],\n        [-39.6875,  42.125 , -26.9375],\n        [-20.5625, -26.0625, -32.9375]]], dtype=float32)',
  ],
  [
    f32([1.5987552067250728e-37, -3.5027223344030745e-9]),
    [1, 1, 2],
    'float32',
    '[[[ 1.5987552e-37 -3.5027223e-09]]]',
    'array([[[ 1.5987552e-37, -3.5027223e-09]]], dtype=float32)',
  ],
  [[238], [], 'uint8', '238', 'array(238, dtype=uint8)'],
  [
    f32([3.3602414000241377e18]),
    [],
    'float32',
    '3.3602414e+18',
    'array(3.3602414e+18, dtype=float32)',
  ],
  [
    [-6204, -5971, 8088, 1774, 4314, -5537, 5536, 190, 535, -4943, -3513, -5196],
    [2, 6],
    'int32',
    '[[-6204 -5971  8088  1774  4314 -5537]\n [ 5536   190   535 -4943 -3513 -5196]]',
    'array([[-6204, -5971,  8088,  1774,  4314, -5537],\n       [ 5536,   190,   535, -4943, -3513, -5196]], dtype=int32)',
  ],
  [
    i64([15704183362752n, 33558537410737n]),
    [2],
    'int64',
    '[15704183362752 33558537410737]',
    'array([15704183362752, 33558537410737])',
  ],
  [
    f64([
      -2.9270321777096423e-6, -4.211771210001554e33, -2211.2394340195087, 7.30895461538902e18,
      1.2841529064716831e-33, -8.0350962210472e26, -10358920.667502368, -1.6046169565047082e-12,
      -8.581238989765717e24, 8.083843773237806e18, -6.544860154804502e25, 6.261543043487589e-19,
    ]),
    [12],
    'float64',
    '[-2.92703218e-06 -4.21177121e+33 -2.21123943e+03  7.30895462e+18\n  1.28415291e-33 -8.03509622e+26 -1.03589207e+07 -1.60461696e-12\n -8.58123899e+24  8.08384377e+18 -6.54486015e+25  6.26154304e-19]',
    'array([-2.92703218e-06, -4.21177121e+33, -2.21123943e+03,  7.30895462e+18,\n        1.28415291e-33, -8.03509622e+26, -1.03589207e+07, -1.60461696e-12,\n       -8.58123899e+24,  8.08384377e+18, -6.54486015e+25,  6.26154304e-19])',
  ],
  [
    f64([
      608.4257106, 805.7710003, 225.4357989, 342.0830177, 533.4978817, 854.7839892, 561.0536783,
      99.1240633, 964.4690055, 250.0840516, 662.8889422, 841.0772633,
    ]),
    [12],
    'float64',
    '[608.4257106 805.7710003 225.4357989 342.0830177 533.4978817 854.7839892\n 561.0536783  99.1240633 964.4690055 250.0840516 662.8889422 841.0772633]',
    'array([608.4257106, 805.7710003, 225.4357989, 342.0830177, 533.4978817,\n       854.7839892, 561.0536783,  99.1240633, 964.4690055, 250.0840516,\n       662.8889422, 841.0772633])',
  ],
  [
    f32([
      0.09999998658895493, 100000000.0, 0.0009999999310821295, 0.0, 0.0010000000474974513,
      9.99999901978299e-5, 9.999999747378752e-5, -0, 0.09999998658895493,
    ]),
    [3, 3, 1],
    'float32',
    '[[[ 9.999999e-02]\n  [ 1.000000e+08]\n  [ 9.999999e-04]]\n\n [[ 0.000000e+00]\n  [ 1.000000e-03]\n  [ 9.999999e-05]]\n\n [[ 1.000000e-04]\n  [-0.000000e+00]\n  [ 9.999999e-02]]]',
    'array([[[ 9.999999e-02],\n        [ 1.000000e+08],\n        [ 9.999999e-04]],\n\n       [[ 0.000000e+00],\n        [ 1.000000e-03],\n        [ 9.999999e-05]],\n\n       [[ 1.000000e-04],\n        [-0.000000e+00],\n        [ 9.999999e-02]]], dtype=float32)',
  ],
  [
    f32([
      0.0003129735996481031, 0.00033010353217832744, -0.0003911319363396615, -0.0003742948465514928,
      -0.00017889526498038322, -0.00029443108360283077, -4.6734599891351536e-5,
      0.0001987683936022222,
    ]),
    [8],
    'float32',
    '[ 3.1297360e-04  3.3010353e-04 -3.9113194e-04 -3.7429485e-04\n -1.7889526e-04 -2.9443108e-04 -4.6734600e-05  1.9876839e-04]',
    'array([ 3.1297360e-04,  3.3010353e-04, -3.9113194e-04, -3.7429485e-04,\n       -1.7889526e-04, -2.9443108e-04, -4.6734600e-05,  1.9876839e-04],\n      dtype=float32)',
  ],
  [
    f32([3.583077933283812e-30, Infinity, 1.684776169683026e18, -2.589181218328779e19]),
    [4],
    'float32',
    '[ 3.5830779e-30            inf  1.6847762e+18 -2.5891812e+19]',
    'array([ 3.5830779e-30,            inf,  1.6847762e+18, -2.5891812e+19],\n      dtype=float32)',
  ],
  [
    [true, false, true, true],
    [4],
    'bool',
    '[ True False  True  True]',
    'array([ True, False,  True,  True])',
  ],
  [
    f64([
      0.38487246850130186,
      0.2976575305360165,
      Infinity,
      0.5475772376738037,
      0.9050010387672579,
      0.9204091407906324,
      -0,
      0.3412552499047974,
      Infinity,
    ]),
    [9],
    'float64',
    '[ 0.38487247  0.29765753         inf  0.54757724  0.90500104  0.92040914\n -0.          0.34125525         inf]',
    'array([ 0.38487247,  0.29765753,         inf,  0.54757724,  0.90500104,\n        0.92040914, -0.        ,  0.34125525,         inf])',
  ],
  [
    f32([
      562.2286987304688, 338.9849853515625, 208.2932891845703, 171.88961791992188,
      712.7394409179688, 236.43797302246094,
    ]),
    [6, 1],
    'float32',
    '[[562.2287 ]\n [338.985  ]\n [208.29329]\n [171.88962]\n [712.73944]\n [236.43797]]',
    'array([[562.2287 ],\n       [338.985  ],\n       [208.29329],\n       [171.88962],\n       [712.73944],\n       [236.43797]], dtype=float32)',
  ],
  [
    f32([5.0569600590355535e-11, -1.6168051854876344e18, -0, 509361127424.0]),
    [1, 4],
    'float32',
    '[[ 5.0569601e-11 -1.6168052e+18 -0.0000000e+00  5.0936113e+11]]',
    'array([[ 5.0569601e-11, -1.6168052e+18, -0.0000000e+00,  5.0936113e+11]],\n      dtype=float32)',
  ],
  [
    [true, true, false, false, true, false, true, true, false, true, true, false],
    [1, 3, 4],
    'bool',
    '[[[ True  True False False]\n  [ True False  True  True]\n  [False  True  True False]]]',
    'array([[[ True,  True, False, False],\n        [ True, False,  True,  True],\n        [False,  True,  True, False]]])',
  ],
  [
    [false, false, true, true],
    [4, 1],
    'bool',
    '[[False]\n [False]\n [ True]\n [ True]]',
    'array([[False],\n       [False],\n       [ True],\n       [ True]])',
  ],
  [[true], [], 'bool', 'True', 'array(True)'],
  [
    f32([4.0, 7.0, 2.0, 1.0, 10.0, 9.0, 7.0, 2.0, 5.0, 0.0]),
    [10],
    'float32',
    '[ 4.  7.  2.  1. 10.  9.  7.  2.  5.  0.]',
    'array([ 4.,  7.,  2.,  1., 10.,  9.,  7.,  2.,  5.,  0.], dtype=float32)',
  ],
  [
    f32([829.678466796875, -23486638587904.0, 1.4347532564799833e23]),
    [1, 3],
    'float32',
    '[[ 8.2967847e+02 -2.3486639e+13  1.4347533e+23]]',
    'array([[ 8.2967847e+02, -2.3486639e+13,  1.4347533e+23]], dtype=float32)',
  ],
  [
    f32([
      0.7505088448524475, 0.0434066504240036, 0.35478466749191284, 0.026749297976493835,
      0.648067831993103, 0.851188063621521,
    ]),
    [6],
    'float32',
    '[0.75050884 0.04340665 0.35478467 0.0267493  0.64806783 0.85118806]',
    'array([0.75050884, 0.04340665, 0.35478467, 0.0267493 , 0.64806783,\n       0.85118806], dtype=float32)',
  ],
  [
    f32([Infinity, -9.944153235498682e-34, 0.0]),
    [3],
    'float32',
    '[          inf -9.944153e-34  0.000000e+00]',
    'array([          inf, -9.944153e-34,  0.000000e+00], dtype=float32)',
  ],
  [[219], [1, 1, 1], 'uint8', '[[[219]]]', 'array([[[219]]], dtype=uint8)'],
  [i64([2958767017n]), [], 'int64', '2958767017', 'array(2958767017)'],
  [
    i64([6428n, 9643n, 6029n, -8971n]),
    [4, 1],
    'int64',
    '[[ 6428]\n [ 9643]\n [ 6029]\n [-8971]]',
    'array([[ 6428],\n       [ 9643],\n       [ 6029],\n       [-8971]])',
  ],
  [
    f64([
      0.5214620553574253, 0.036562837574375506, 0.563612883928379, 0.7834850156912747,
      0.2344548729450553,
    ]),
    [5],
    'float64',
    '[0.52146206 0.03656284 0.56361288 0.78348502 0.23445487]',
    'array([0.52146206, 0.03656284, 0.56361288, 0.78348502, 0.23445487])',
  ],
  [
    [92, -82, 5, 10, 21, -54, 9, 86, 85, -24, 37, -13],
    [3, 1, 4],
    'int32',
    '[[[ 92 -82   5  10]]\n\n [[ 21 -54   9  86]]\n\n [[ 85 -24  37 -13]]]',
    'array([[[ 92, -82,   5,  10]],\n\n       [[ 21, -54,   9,  86]],\n\n       [[ 85, -24,  37, -13]]], dtype=int32)',
  ],
  [
    f64([-5.15625, -5.921875, -10.8125, 13.546875, 6.59375, -15.390625, 0.203125, -2.53125, 4.375]),
    [1, 3, 3],
    'float64',
    '[[[ -5.15625   -5.921875 -10.8125  ]\n  [ 13.546875   6.59375  -15.390625]\n  [  0.203125  -2.53125    4.375   ]]]',
    'array([[[ -5.15625 ,  -5.921875, -10.8125  ],\n        [ 13.546875,   6.59375 , -15.390625],\n        [  0.203125,  -2.53125 ,   4.375   ]]])',
  ],
  [[106, 112], [2, 1], 'uint8', '[[106]\n [112]]', 'array([[106],\n       [112]], dtype=uint8)'],
];

describe('random arrays printed by numpy', () => {
  it.each(numpyCases)('numpy case %#', (data, shape, dtype, str, repr) => {
    expect(arrayStr(data, shape, dtype)).toBe(str);
    expect(arrayRepr(data, shape, dtype)).toBe(repr);
  });
});
