import { expect, test } from 'vitest';
import { attrBool, attrEnum, attrFloat, attrInt, parseShapeAttr, toAttrs } from './attrs.js';

test('MXNet attribute strings from camelCase options', () => {
  expect(
    toAttrs({ numHidden: 1, noBias: true, flatten: false, eps: 0.001, actType: 'relu' }, [
      'numHidden',
      'noBias',
      'flatten',
      'eps',
      'actType',
      'missing',
    ]),
  ).toEqual({ num_hidden: '1', no_bias: 'True', flatten: 'False', eps: '0.001', act_type: 'relu' });
});

test('parsing parameters', () => {
  expect(attrInt('Op', { n: '3' }, 'n')).toBe(3);
  expect(attrInt('Op', {}, 'n', 7)).toBe(7);
  expect(() => attrInt('FullyConnected', {}, 'num_hidden')).toThrow(
    'Required parameter num_hidden of int is not presented (pass numHidden)',
  );
  expect(() => attrInt('Op', { n: '1.5' }, 'n')).toThrow(/expect int/);
  expect(attrBool('Op', { b: 'True' }, 'b', false)).toBe(true);
  expect(attrBool('Op', { b: '0' }, 'b', true)).toBe(false);
  expect(() => attrBool('Op', { b: 'yes' }, 'b', true)).toThrow(/expect boolean/);
  expect(attrFloat('Op', { f: '1e-05' }, 'f', 0)).toBe(1e-5);
  expect(attrEnum('Op', { t: 'relu' }, 't', ['relu', 'tanh'])).toBe('relu');
  expect(() => attrEnum('Op', { t: 'x' }, 't', ['relu'])).toThrow(/valid values/);
});

test('shape attributes', () => {
  expect(parseShapeAttr('(1, 3)')).toEqual([1, 3]);
  expect(parseShapeAttr('(3,)')).toEqual([3]);
  expect(parseShapeAttr('[2,4]')).toEqual([2, 4]);
  expect(parseShapeAttr('()')).toEqual([]);
  expect(parseShapeAttr('(a, 1)')).toBeNull();
});
