import { describe, expect, test } from 'vitest';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { readArgs } from './options.js';

const names = ['rndType', 'factorType', 'magnitude'] as const;

describe('readArgs (positional in MXNet order, then an options object)', () => {
  test('positional, options and both', () => {
    expect(readArgs('Xavier', ['gaussian', 'in', 2], names)).toEqual({
      rndType: 'gaussian',
      factorType: 'in',
      magnitude: 2,
    });
    expect(readArgs('Xavier', [{ factor_type: 'out' }], names)).toEqual({ factorType: 'out' });
    expect(readArgs('Xavier', ['gaussian', { magnitude: 2 }], names)).toEqual({
      rndType: 'gaussian',
      magnitude: 2,
    });
    expect(readArgs('Xavier', [], names)).toEqual({});
    expect(readArgs('Xavier', [undefined, 'in'], names)).toEqual({ factorType: 'in' });
  });

  test('an extra positional argument or a repeated one raises, naming the class', () => {
    expect(() => readArgs('Xavier', ['gaussian', 'in', 2, 'x'], names)).toThrow(
      new InvalidArgumentError(
        'Xavier',
        'takes at most 3 positional arguments (rndType, factorType, magnitude) but 4 were given; pass the rest in an options object',
      ),
    );
    expect(() => readArgs('Xavier', ['uniform', { rndType: 'gaussian' }], names)).toThrow(
      "Xavier: got multiple values for argument 'rndType'",
    );
    expect(() => readArgs('Xavier', [{ scale: 1 }], names)).toThrow(
      "Xavier: got an unexpected keyword argument 'scale'",
    );
  });
});
