import { expect, test } from 'vitest';
import { pythonMatcher, pythonRegexSource } from './python-regex.js';

test('re.match is anchored at the start, not the end', () => {
  expect(pythonMatcher('bias').test('fc_bias')).toBe(false);
  expect(pythonMatcher('.*bias').test('fc_bias')).toBe(true);
  expect(pythonMatcher('fc').test('fc_bias')).toBe(true);
  expect(pythonMatcher('a|b').test('xb')).toBe(false);
  expect(pythonMatcher('.*').test('')).toBe(true);
});

test('Python-only syntax is translated', () => {
  expect(pythonRegexSource('(?P<x>a)(?P=x)')).toBe('(?<x>a)\\k<x>');
  expect(pythonMatcher('(?P<x>a)(?P=x)').test('aa')).toBe(true);
  expect(pythonMatcher('fc\\Z').test('fc')).toBe(true);
  expect(pythonMatcher('fc\\Z').test('fc1')).toBe(false);
  expect(pythonMatcher('\\Afc').test('fc1')).toBe(true);
  expect(pythonMatcher('\\d+_weight').test('12_weight')).toBe(true);
});
