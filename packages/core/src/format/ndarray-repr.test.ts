import { describe, expect, it } from 'vitest';
import { listRepr, ndarrayRepr } from './ndarray-repr.js';

const nd = (values: number[], shape: number[], context = 'cpu(0)') =>
  ndarrayRepr({ data: new Float32Array(values), shape, dtype: 'float32', context });

describe('ndarrayRepr (ndarray-print.md §1)', () => {
  it('prints the examples of §1', () => {
    expect(nd([3.7182817, 3.7182817], [2])).toBe('\n[3.7182817 3.7182817]\n<NDArray 2 @cpu(0)>');
    expect(nd([1, 1, 1, 1, 1, 1], [2, 3])).toBe(
      '\n[[1. 1. 1.]\n [1. 1. 1.]]\n<NDArray 2x3 @cpu(0)>',
    );
    expect(nd([1, 1, 1, 1, 1, 1], [2, 3], 'gpu(0)')).toBe(
      '\n[[1. 1. 1.]\n [1. 1. 1.]]\n<NDArray 2x3 @gpu(0)>',
    );
    expect(nd([4, 8, 12], [3])).toBe('\n[ 4.  8. 12.]\n<NDArray 3 @cpu(0)>');
    expect(nd([192], [1])).toBe('\n[192.]\n<NDArray 1 @cpu(0)>');
    expect(nd([4, 8, 12, 16], [2, 2])).toBe('\n[[ 4.  8.]\n [12. 16.]]\n<NDArray 2x2 @cpu(0)>');
    expect(ndarrayRepr({ data: [1, 2, 3], shape: [3], dtype: 'int32', context: 'cpu(0)' })).toBe(
      '\n[1 2 3]\n<NDArray 3 @cpu(0)>',
    );
    expect(nd([0], [1])).toBe('\n[0.]\n<NDArray 1 @cpu(0)>');
  });

  it('leaves two spaces for a 0-d array', () => {
    expect(nd([3.5], [])).toBe('\n3.5\n<NDArray  @cpu(0)>');
  });

  it('uses the class name and any context text', () => {
    expect(
      ndarrayRepr({
        data: [1],
        shape: [1],
        dtype: 'float32',
        context: 'cpu_pinned(0)',
        className: 'MyArray',
      }),
    ).toBe('\n[1.]\n<MyArray 1 @cpu_pinned(0)>');
  });

  it('B2: print(x.grad) for y = 2x²', () => {
    expect(nd([4, 8, 12], [3])).toBe('\n[ 4.  8. 12.]\n<NDArray 3 @cpu(0)>');
  });

  it('B3: the crash-course 2×2 gradient', () => {
    expect(nd([4, 8, 12, 16], [2, 2])).toBe('\n[[ 4.  8.]\n [12. 16.]]\n<NDArray 2x2 @cpu(0)>');
  });

  it('B4: the custom head gradient', () => {
    expect(nd([192], [1])).toBe('\n[192.]\n<NDArray 1 @cpu(0)>');
  });
});

describe('listRepr', () => {
  it('D2: autograd.grad returns a list holding one NDArray', () => {
    const e1 = Math.fround(Math.exp(1)) + 1;
    expect(listRepr([nd([e1, e1], [2])])).toBe('[\n[3.7182817 3.7182817]\n<NDArray 2 @cpu(0)>]');
  });

  it('C1: print([dx])', () => {
    expect(listRepr([nd([3.7182817], [1])])).toBe('[\n[3.7182817]\n<NDArray 1 @cpu(0)>]');
  });

  it("F1: print([a.grad, c/a]), each element's newline following ', '", () => {
    expect(listRepr([nd([2048, 0], [2]), nd([2048, 1895.8933], [2])])).toBe(
      '[\n[2048.    0.]\n<NDArray 2 @cpu(0)>, \n[2048.     1895.8933]\n<NDArray 2 @cpu(0)>]',
    );
  });

  it('joins plain reprs', () => {
    expect(listRepr([])).toBe('[]');
    expect(listRepr(['0.2', '1.08'])).toBe('[0.2, 1.08]');
  });
});
