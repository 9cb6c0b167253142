import { describe, expect, it } from 'vitest';
import { type FormatArrayOptions, formatArray } from './format-array.js';

const strOptions: FormatArrayOptions = {
  lineWidth: 75,
  nextLinePrefix: ' ',
  separator: ' ',
  edgeItems: 3,
  summaryInsert: '',
};

const reprOptions: FormatArrayOptions = {
  lineWidth: 74,
  nextLinePrefix: '       ',
  separator: ', ',
  edgeItems: 3,
  summaryInsert: '',
};

describe('formatArray', () => {
  it('nests the brackets with one more space per level (§4.1)', () => {
    expect(formatArray((i) => `${i}.`, [2, 3], strOptions)).toBe('[[0. 1. 2.]\n [3. 4. 5.]]');
    expect(formatArray((i) => `${i}.`, [2, 2, 2], strOptions)).toBe(
      '[[[0. 1.]\n  [2. 3.]]\n\n [[4. 5.]\n  [6. 7.]]]',
    );
    expect(formatArray((i) => `${i}.`, [1, 1, 1, 1], strOptions)).toBe('[[[[0.]]]]');
  });

  it('fits 6 ten-character words on a str line and 5 on a repr line', () => {
    const word = () => '0.12345678';
    expect(formatArray(word, [10], strOptions)).toBe(
      `[${new Array(6).fill(word()).join(' ')}\n ${new Array(4).fill(word()).join(' ')}]`,
    );
    expect(formatArray(word, [10], reprOptions)).toBe(
      `[${new Array(5).fill(word()).join(', ')},\n       ${new Array(5).fill(word()).join(', ')}]`,
    );
  });

  it('never breaks a line that holds only its indent', () => {
    const long = 'x'.repeat(80);
    expect(formatArray(() => long, [2], strOptions)).toBe(`[${long}\n ${long}]`);
  });

  it('puts ... in the row, or as a row of its own, when summarizing', () => {
    const summary = { ...strOptions, summaryInsert: '...' };
    expect(formatArray((i) => String(i), [10], summary)).toBe('[0 1 2 ... 7 8 9]');
    expect(formatArray((i) => String(i % 10), [7, 2], summary)).toBe(
      '[[0 1]\n [2 3]\n [4 5]\n ...\n [8 9]\n [0 1]\n [2 3]]',
    );
    // An axis of at most 2 * edgeItems entries is shown whole.
    expect(formatArray((i) => String(i), [6], summary)).toBe('[0 1 2 3 4 5]');
  });

  it('formats a 0-d array as its single element', () => {
    expect(formatArray(() => '3.5', [], strOptions)).toBe('3.5');
  });
});
