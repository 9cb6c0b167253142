import { describe, expect, it } from 'vitest';
import {
  dragon4,
  float32Repr,
  float64Repr,
  formatFloatPositional,
  formatFloatScientific,
  type PositionalOptions,
  type ScientificOptions,
  shortestDigits,
} from './float32-repr.js';

/** A small seeded generator (mulberry32), so that the property tests are reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const view = new DataView(new ArrayBuffer(8));

function randomFloat32s(count: number, seed: number): number[] {
  const next = prng(seed);
  const out: number[] = [];
  while (out.length < count) {
    view.setUint32(0, Math.floor(next() * 2 ** 32));
    const x = view.getFloat32(0);
    if (Number.isFinite(x)) out.push(x);
  }
  return out;
}

function randomFloat64s(count: number, seed: number): number[] {
  const next = prng(seed);
  const out: number[] = [];
  while (out.length < count) {
    view.setUint32(0, Math.floor(next() * 2 ** 32));
    view.setUint32(4, Math.floor(next() * 2 ** 32));
    const x = view.getFloat64(0);
    if (Number.isFinite(x)) out.push(x);
  }
  return out;
}

/** `M × 10^E` for a decimal numeral such as '-1.25e-7' or '0.0031'. */
function parseDecimal(text: string): { mantissa: bigint; exponent: number } {
  const negative = text.startsWith('-');
  const [numeral, exp = '0'] = (negative ? text.slice(1) : text).split('e');
  const [whole, frac = ''] = numeral.split('.');
  const mantissa = BigInt(whole + frac) * (negative ? -1n : 1n);
  return { mantissa, exponent: Number(exp) - frac.length };
}

function significantDigits(text: string): number {
  const numeral = text.split('e')[0].replace('-', '').replace('.', '');
  return numeral.replace(/^0+/, '').replace(/0+$/, '').length || 1;
}

/** Whether some decimal with `p` significant digits reads back as the float32 `x`. */
function somePDigitDecimalRoundTrips(x: number, p: number): boolean {
  // The nearest p-digit decimal and its neighbours on the same grid (and on the finer grid
  // below a power of ten) are the only candidates that can fall inside x's rounding interval.
  const { mantissa, exponent } = parseDecimal(x.toPrecision(p));
  const candidates = [
    `${mantissa}e${exponent}`,
    `${mantissa - 1n}e${exponent}`,
    `${mantissa + 1n}e${exponent}`,
  ];
  const magnitude = mantissa < 0n ? -mantissa : mantissa;
  if (/^10*$/.test(magnitude.toString())) {
    // Just below a power of ten the p-digit grid is ten times finer.
    const step = mantissa < 0n ? -1n : 1n;
    candidates.push(`${mantissa * 10n - step}e${exponent - 1}`);
  }
  return candidates.some((c) => Math.fround(Number(c)) === x);
}

/** Exact half-to-even rounding of a float32 to 8 fractional digits, written without BigInt tricks. */
function roundTo8Fractional(x: number): string {
  view.setFloat32(0, x);
  const bits = view.getUint32(0);
  const biased = (bits >>> 23) & 0xff;
  const mantissa = BigInt(biased === 0 ? bits & 0x7fffff : (bits & 0x7fffff) | 0x800000);
  const e = (biased === 0 ? 1 : biased) - 150;
  // value = mantissa * 2^e, so value * 1e8 = mantissa * 1e8 * 2^e
  const num = e >= 0 ? (mantissa * 10n ** 8n) << BigInt(e) : mantissa * 10n ** 8n;
  const den = e >= 0 ? 1n : 1n << BigInt(-e);
  let q = num / den;
  const twice = (num - q * den) * 2n;
  if (twice > den || (twice === den && q % 2n === 1n)) q += 1n;
  const digits = q.toString().padStart(9, '0');
  const text = `${digits.slice(0, -8)}.${digits.slice(-8)}`.replace(/0+$/, '');
  return (bits >>> 31 === 1 ? '-' : '') + text;
}

describe('dragon4', () => {
  it('gives the shortest unique digits of a float32', () => {
    expect(dragon4(0.1, 'float32')).toEqual({ negative: false, digits: '1', exponent: -1 });
    expect(dragon4(-2048, 'float32')).toEqual({ negative: true, digits: '2048', exponent: 3 });
    expect(dragon4(0, 'float32')).toEqual({ negative: false, digits: '0', exponent: 0 });
    expect(dragon4(-0, 'float64')).toEqual({ negative: true, digits: '0', exponent: 0 });
  });

  it('rounds the exact binary value half to even at a fractional cutoff', () => {
    // np.float32(1/512) is exactly 0.001953125: the tie goes to the even digit 2.
    expect(dragon4(1 / 512, 'float32', { cutoffMode: 'fraction', cutoffMax: 8 })).toEqual({
      negative: false,
      digits: '195312',
      exponent: -3,
    });
  });

  it('keeps generating exact digits up to cutoffMin, as numpy does for min_digits', () => {
    // np.format_float_scientific(np.float32(0.3), min_digits=8) == '3.00000012e-01'
    expect(dragon4(0.3, 'float32', { cutoffMode: 'total', cutoffMin: 9 }).digits).toBe('300000012');
  });

  it('carries a rounded-up 9 into the next power of ten', () => {
    expect(dragon4(0.99999999, 'float64', { cutoffMode: 'fraction', cutoffMax: 3 })).toEqual({
      negative: false,
      digits: '1',
      exponent: 0,
    });
  });

  it('rejects nan and infinities', () => {
    expect(() => dragon4(Number.NaN, 'float32')).toThrow(RangeError);
    expect(() => dragon4(Number.POSITIVE_INFINITY, 'float64')).toThrow(RangeError);
    // 1e39 is a finite double but overflows float32.
    expect(() => dragon4(1e39, 'float32')).toThrow(RangeError);
  });
});

describe('shortestDigits', () => {
  it('uses the precision of the given type', () => {
    expect(shortestDigits(Math.fround(0.1), 'float32').digits).toBe('1');
    expect(shortestDigits(Math.fround(0.1), 'float64').digits).toBe('10000000149011612');
    expect(shortestDigits(Math.E + 1).digits).toBe('37182817');
  });
});

describe('float32Repr', () => {
  it('prints the shortest round-trip text of the float32', () => {
    expect(float32Repr(0.1)).toBe('0.1');
    expect(float32Repr(Math.E + 1)).toBe('3.7182817');
    expect(float32Repr(1.08)).toBe('1.08');
    expect(float32Repr(1.0799999)).toBe('1.0799999');
    expect(float32Repr(1e-7)).toBe('1e-7');
    expect(float32Repr(123456789)).toBe('123456790');
    expect(float32Repr(3.4028234663852886e38)).toBe('3.4028235e+38');
    expect(float32Repr(2 ** -149)).toBe('1e-45');
    expect(float32Repr(-0)).toBe('-0');
    expect(float32Repr(Number.NaN)).toBe('NaN');
    expect(float32Repr(-1e39)).toBe('-Infinity');
  });

  it('counts a decimal halfway to the next float32 as inside when the mantissa is even', () => {
    // 33554450 is the midpoint between 33554448 (even mantissa) and 33554452; numpy prints
    // np.float32(33554448) as 3.355445e+07.
    expect(float32Repr(33554448)).toBe('33554450');
    expect(Math.fround(33554450)).toBe(33554448);
  });

  it('round-trips every value, with no shorter decimal that would (property)', () => {
    for (const x of randomFloat32s(4000, 1)) {
      const s = float32Repr(x);
      expect(Math.fround(Number(s))).toBe(x);
      const p = significantDigits(s);
      if (p > 1) expect(somePDigitDecimalRoundTrips(x, p - 1), `${x} -> ${s}`).toBe(false);
    }
  });

  it('round-trips ordinary-sized values too (property)', () => {
    const next = prng(7);
    for (let i = 0; i < 4000; i++) {
      const x = Math.fround((next() - 0.5) * 10 ** Math.floor(next() * 16 - 8));
      const s = float32Repr(x);
      expect(Math.fround(Number(s))).toBe(x);
      const p = significantDigits(s);
      if (p > 1) expect(somePDigitDecimalRoundTrips(x, p - 1), `${x} -> ${s}`).toBe(false);
    }
  });

  it('round-trips at powers of two, where the gap below is half the gap above (property)', () => {
    for (let k = -149; k <= 127; k++) {
      const x = 2 ** k;
      const s = float32Repr(x);
      expect(Math.fround(Number(s))).toBe(x);
      const p = significantDigits(s);
      if (p > 1) expect(somePDigitDecimalRoundTrips(x, p - 1), `2^${k} -> ${s}`).toBe(false);
    }
  });
});

describe('float64Repr', () => {
  it("matches JavaScript's own shortest round-trip text of a double (property)", () => {
    for (const x of [...randomFloat64s(3000, 3), ...randomFloat32s(1000, 4)]) {
      if (x === 0) continue;
      expect(float64Repr(x)).toBe(String(x));
    }
  });

  it('prints the double digits', () => {
    expect(float64Repr(0.1)).toBe('0.1');
    expect(float64Repr(1 / 3)).toBe('0.3333333333333333');
    expect(float64Repr(5e-324)).toBe('5e-324');
    expect(float64Repr(-0)).toBe('-0');
  });
});

describe('formatFloatPositional', () => {
  it('rounds to precision=8 fractional digits on the exact value (ndarray-print.md §3.2)', () => {
    const fmt = (x: number) => formatFloatPositional(Math.fround(x), { precision: 8, trim: '.' });
    expect(fmt(1 / 512)).toBe('0.00195312');
    // JavaScript's toFixed rounds the same tie the other way.
    expect(Math.fround(1 / 512).toFixed(8)).toBe('0.00195313');
    expect(fmt(0.00123456789)).toBe('0.00123457');
    expect(fmt(1.0000001)).toBe('1.0000001');
    expect(fmt(100000.5)).toBe('100000.5');
    expect(fmt(1)).toBe('1.');
    expect(fmt(-2.25)).toBe('-2.25');
    expect(fmt(-0)).toBe('-0.');
  });

  it('equals the shortest digits, or the exact value rounded half-even to 8 places (property)', () => {
    const next = prng(11);
    for (let i = 0; i < 3000; i++) {
      const x = Math.fround((next() - 0.5) * 10 ** Math.floor(next() * 12 - 4));
      const got = formatFloatPositional(x, { precision: 8, trim: '.' });
      const shortest = formatFloatPositional(x, { trim: '.' });
      const fracDigits = shortest.length - shortest.indexOf('.') - 1;
      expect(got, String(x)).toBe(fracDigits <= 8 ? shortest : roundTo8Fractional(x));
    }
  });

  it('pads like numpy inside arrays', () => {
    expect(
      formatFloatPositional(0.0097627, { precision: 8, trim: '.', padLeft: 1, padRight: 8 }),
    ).toBe('0.0097627 ');
    expect(formatFloatPositional(100, { precision: 8, trim: '.', padLeft: 3, padRight: 2 })).toBe(
      '100.  ',
    );
    expect(formatFloatPositional(1.5, { precision: 8, trim: '.', padLeft: 3, padRight: 2 })).toBe(
      '  1.5 ',
    );
  });

  it('prints non-finite values as numpy does', () => {
    expect(formatFloatPositional(Number.NaN)).toBe('nan');
    expect(formatFloatPositional(Number.NEGATIVE_INFINITY)).toBe('-inf');
    expect(formatFloatPositional(Number.POSITIVE_INFINITY, { sign: true })).toBe('+inf');
  });
});

describe('formatFloatScientific', () => {
  it('prints numpy scientific text', () => {
    expect(formatFloatScientific(1e-5, { trim: '-' })).toBe('1e-05');
    expect(formatFloatScientific(123456789, { trim: '.' })).toBe('1.2345679e+08');
    expect(formatFloatScientific(1, { trim: 'k', minDigits: 6 })).toBe('1.000000e+00');
    expect(formatFloatScientific(0)).toBe('0.e+00');
    expect(formatFloatScientific(1e300, { dtype: 'float64', trim: '-' })).toBe('1e+300');
  });
});

/**
 * Outputs of numpy's own `np.format_float_positional` / `np.format_float_scientific` (numpy's
 * Dragon4 is the same C code in numpy 1.21–2.x) for random values and options.
 */
const numpyCases: [
  'formatFloatPositional' | 'formatFloatScientific',
  number,
  PositionalOptions & ScientificOptions,
  string,
][] = [
  [
    'formatFloatScientific',
    807.94079,
    { dtype: 'float64', precision: 5, trim: '.', padLeft: 0 },
    '8.07941e+02',
  ],
  [
    'formatFloatPositional',
    4.349999904632568,
    { dtype: 'float32', trim: '-', padRight: 9, fractional: false },
    '4.35       ',
  ],
  [
    'formatFloatPositional',
    -589431258.0326048,
    { dtype: 'float64', trim: '.', minDigits: 4, fractional: false },
    '-589431258.0326048',
  ],
  [
    'formatFloatScientific',
    6.938893903907228e-18,
    { dtype: 'float32', precision: 8, trim: '.', padLeft: 4 },
    '   6.938894e-18',
  ],
  [
    'formatFloatPositional',
    0.23600000143051147,
    { dtype: 'float32', precision: 5, trim: '0', sign: true, padLeft: 1, minDigits: 5 },
    '+0.236',
  ],
  [
    'formatFloatPositional',
    3.994252616,
    { dtype: 'float64', precision: 6, trim: '0', padRight: 3, fractional: false },
    '3.99425',
  ],
  [
    'formatFloatPositional',
    1.6940658945086007e-21,
    { dtype: 'float64', precision: 8, trim: '.', sign: true },
    '+0.',
  ],
  [
    'formatFloatPositional',
    -183.67457051936796,
    { dtype: 'float64', precision: 3, trim: '0', sign: true, padRight: 4 },
    '-183.675 ',
  ],
  [
    'formatFloatScientific',
    1.9011872000332568,
    { dtype: 'float64', trim: '0', sign: true, minDigits: 14, expDigits: 0 },
    '+1.9011872000332568e+',
  ],
  [
    'formatFloatScientific',
    -0.09934317902518575,
    { dtype: 'float64', precision: 17, trim: 'k' },
    '-9.934317902518575e-02',
  ],
  [
    'formatFloatPositional',
    7374.66983,
    {
      dtype: 'float64',
      trim: '0',
      sign: true,
      padLeft: 4,
      minDigits: 2,
      padRight: 2,
      fractional: false,
    },
    '+7374.66983',
  ],
  [
    'formatFloatPositional',
    -2.2301492221050614e-23,
    { dtype: 'float32', precision: 8, trim: '.' },
    '-0.',
  ],
  [
    'formatFloatScientific',
    2939463.711882543,
    { dtype: 'float64', precision: 8, trim: '-', sign: true, minDigits: 0 },
    '+2.93946371e+06',
  ],
  [
    'formatFloatScientific',
    1.2742324748705855e-20,
    { dtype: 'float32', trim: 'k', expDigits: 2 },
    '1.2742325e-20',
  ],
  [
    'formatFloatScientific',
    -7.999674802455683e26,
    { dtype: 'float32', trim: '.', sign: true, minDigits: 5 },
    '-7.999675e+26',
  ],
  [
    'formatFloatScientific',
    -5806.9970703125,
    { dtype: 'float32', precision: 0, trim: '0', expDigits: 2 },
    '-6.0e+03',
  ],
  [
    'formatFloatScientific',
    1.9342813113834067e25,
    { dtype: 'float32', trim: '-', minDigits: 17 },
    '1.93428131138340668e+25',
  ],
  [
    'formatFloatScientific',
    -1159171.198248098,
    { dtype: 'float64', precision: 1, trim: '.', minDigits: 1, expDigits: 3 },
    '-1.2e+006',
  ],
  [
    'formatFloatScientific',
    1.325155927345223e-9,
    { dtype: 'float64', trim: '-', sign: true, expDigits: 0 },
    '+1.325155927345223e-9',
  ],
  [
    'formatFloatPositional',
    -16178.70425602848,
    { dtype: 'float64', precision: 17, trim: '-', sign: true, fractional: false },
    '-16178.70425602848',
  ],
  [
    'formatFloatPositional',
    177599104.0,
    { dtype: 'float32', trim: '.', padLeft: 3, minDigits: 11 },
    '177599104.',
  ],
  [
    'formatFloatPositional',
    784.4000244140625,
    { dtype: 'float32', trim: 'k', padLeft: 3, minDigits: 13, fractional: false },
    '784.4000244141',
  ],
  [
    'formatFloatScientific',
    -5.648400562887083e-16,
    { dtype: 'float32', trim: 'k', sign: true, minDigits: 13, expDigits: 0 },
    '-5.6484005628871e-16',
  ],
  [
    'formatFloatPositional',
    82.0,
    { dtype: 'float64', precision: 5, trim: '.', padLeft: 4, minDigits: 5 },
    '  82.',
  ],
  [
    'formatFloatPositional',
    1.1641532182693481e-10,
    { dtype: 'float32', precision: 1, trim: '.', minDigits: 1 },
    '0.',
  ],
  [
    'formatFloatPositional',
    798815.75,
    { dtype: 'float32', precision: 8, trim: 'k', fractional: false },
    '798815.75',
  ],
  [
    'formatFloatScientific',
    96.2254867553711,
    { dtype: 'float32', precision: 15, trim: '.' },
    '9.622549e+01',
  ],
  [
    'formatFloatPositional',
    4.690000057220459,
    { dtype: 'float32', trim: 'k', sign: true, fractional: false },
    '+4.69',
  ],
  [
    'formatFloatPositional',
    4.2300801277160645,
    { dtype: 'float32', precision: 11, trim: '-', sign: true, fractional: false },
    '+4.23008',
  ],
  [
    'formatFloatScientific',
    -1.0785301318658582e-10,
    { dtype: 'float64', precision: 7, trim: 'k', minDigits: 3 },
    '-1.0785301e-10',
  ],
  [
    'formatFloatPositional',
    4.794073073770147e-16,
    { dtype: 'float32', trim: '0', minDigits: 16, fractional: false },
    '0.0000000000000004794073073770147',
  ],
  [
    'formatFloatPositional',
    2.117582368135751e-22,
    { dtype: 'float32', precision: 18, trim: '.', sign: true, padRight: 3 },
    '+0.   ',
  ],
  [
    'formatFloatPositional',
    52.75117754251525,
    { dtype: 'float64', precision: 14, trim: '0' },
    '52.75117754251525',
  ],
  [
    'formatFloatScientific',
    942.70749034,
    { dtype: 'float64', precision: 1, trim: 'k', padLeft: 4, expDigits: 3 },
    '   9.4e+002',
  ],
  [
    'formatFloatScientific',
    -9007946.0,
    { dtype: 'float32', precision: 1, trim: '-', padLeft: 2 },
    '-9.e+06',
  ],
  [
    'formatFloatScientific',
    -1011.6380615234375,
    { dtype: 'float32', trim: '.', padLeft: 3 },
    ' -1.01163806e+03',
  ],
  [
    'formatFloatScientific',
    -2.5158375382972054e-11,
    { dtype: 'float32', trim: 'k', minDigits: 8 },
    '-2.51583754e-11',
  ],
  [
    'formatFloatScientific',
    -744.11376953125,
    { dtype: 'float32', precision: 0, trim: 'k', padLeft: 2, minDigits: 0 },
    '-7.e+02',
  ],
  ['formatFloatScientific', 1695.0, { dtype: 'float64', trim: '.', expDigits: 4 }, '1.695e+0003'],
  [
    'formatFloatPositional',
    547143.09336,
    { dtype: 'float64', precision: 18, trim: 'k', padLeft: 1, minDigits: 7, fractional: false },
    '547143.09336',
  ],
  [
    'formatFloatScientific',
    -2.4835672044910615e-5,
    { dtype: 'float64', precision: 15, trim: '0', padLeft: 4 },
    '  -2.483567204491062e-05',
  ],
  [
    'formatFloatScientific',
    560.3760986328125,
    { dtype: 'float32', precision: 15, trim: 'k', padLeft: 3 },
    '  5.603761e+02',
  ],
  [
    'formatFloatScientific',
    -7.459058475973274e-7,
    { dtype: 'float64', precision: 10, trim: '.', sign: true, expDigits: 1 },
    '-7.459058476e-7',
  ],
  [
    'formatFloatPositional',
    0.3493332862854004,
    { dtype: 'float32', trim: '0', padLeft: 5, padRight: 9, fractional: false },
    '    0.3493333  ',
  ],
  [
    'formatFloatPositional',
    0.20000000298023224,
    { dtype: 'float32', precision: 7, trim: '0', sign: true },
    '+0.2',
  ],
  [
    'formatFloatScientific',
    2048.0,
    { dtype: 'float32', precision: 15, trim: '-', minDigits: 11, expDigits: 3 },
    '2.048e+003',
  ],
  [
    'formatFloatPositional',
    1.152921504606847e18,
    { dtype: 'float32', precision: 13, trim: '-', sign: true },
    '+1152921500000000000',
  ],
  [
    'formatFloatPositional',
    2 ** 122,
    { dtype: 'float32', trim: 'k', sign: true, padLeft: 3, padRight: 5 },
    '+5316912000000000000000000000000000000.     ',
  ],
];

describe('numpy format_float_* outputs', () => {
  it.each(numpyCases)('%s(%d, %o) == %j', (fn, x, options, expected) => {
    const got =
      fn === 'formatFloatPositional'
        ? formatFloatPositional(x, options)
        : formatFloatScientific(x, options);
    expect(got).toBe(expected);
  });
});
