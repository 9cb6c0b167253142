import { expect, test } from 'vitest';
import { attrString, pyFloatRepr } from './py-repr.js';

test("pyFloatRepr is Python's repr(float)", () => {
  expect(pyFloatRepr(2)).toBe('2.0');
  expect(pyFloatRepr(-1)).toBe('-1.0');
  expect(pyFloatRepr(0.5)).toBe('0.5');
  expect(pyFloatRepr(1e-5)).toBe('1e-05');
  expect(pyFloatRepr(1.5e16)).toBe('1.5e+16');
  expect(pyFloatRepr(123456.789)).toBe('123456.789');
  expect(pyFloatRepr(-0)).toBe('-0.0');
  expect(pyFloatRepr(Number.NaN)).toBe('nan');
  expect(pyFloatRepr(-Infinity)).toBe('-inf');
});

test('attrString writes attributes as MXNet stores them', () => {
  expect(attrString(true)).toBe('True');
  expect(attrString([0])).toBe('(0,)');
  expect(attrString([0, 1])).toBe('(0, 1)');
  expect(attrString(3)).toBe('3');
  expect(attrString('relu')).toBe('relu');
});
