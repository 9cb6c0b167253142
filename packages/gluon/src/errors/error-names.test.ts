import { MXNetError } from '@mxts/core';
import { expect, test } from 'vitest';
import * as gluon from '../index.js';

test('every error class gluon exports has name equal to its export name (minifier-safe literal)', () => {
  const classes = Object.entries(gluon).filter(
    ([, v]) => typeof v === 'function' && (v as { prototype: unknown }).prototype instanceof Error,
  ) as [string, new (...args: unknown[]) => Error][];
  expect(classes.map(([n]) => n).sort()).toEqual([
    'AbstractMethodError',
    'DatasetFilesMissingError',
    'DeferredInitializationError',
    'ParameterNotInitializedError',
  ]);
  for (const [exportName, cls] of classes) {
    const e = new cls('a', 'b', ['c']);
    expect(e.name, exportName).toBe(exportName);
    expect(e).toBeInstanceOf(MXNetError);
  }
});
