import { expect, test } from 'vitest';
import { EXAMPLES, listExamples, parseExampleArgs } from './example-registry.js';

test('the examples of issues 14 and 17, each listed with what it shows', () => {
  expect(Object.keys(EXAMPLES)).toEqual([
    'seed',
    'linear-regression',
    'mlp-spirals',
    'higher-order',
    'd2l-preliminaries',
    'gluon-lenet',
  ]);
  const text = listExamples();
  for (const name of Object.keys(EXAMPLES))
    expect(text).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
});

test('no name or --help lists the examples; an unknown name lists them and fails', () => {
  expect(parseExampleArgs([])).toEqual({ kind: 'print', text: listExamples(), code: 0 });
  expect(parseExampleArgs(['--help'])).toEqual({ kind: 'print', text: listExamples(), code: 0 });
  const unknown = parseExampleArgs(['lenet5']);
  expect(unknown).toEqual({
    kind: 'print',
    text: `unknown example 'lenet5'\n\n${listExamples()}`,
    code: 1,
  });
  // Names of Object.prototype are not examples.
  expect(parseExampleArgs(['toString'])).toMatchObject({ kind: 'print', code: 1 });
});

test('--backend and --epochs are read and checked', () => {
  expect(parseExampleArgs(['linear-regression'])).toMatchObject({
    kind: 'run',
    name: 'linear-regression',
    backend: 'cpu',
    epochs: undefined,
  });
  expect(
    parseExampleArgs(['mlp-spirals', '--backend', 'tfjs-node', '--epochs', '3']),
  ).toMatchObject({ kind: 'run', name: 'mlp-spirals', backend: 'tfjs-node', epochs: 3 });
  expect(parseExampleArgs(['seed', '--backend', 'gpu'])).toEqual({
    kind: 'print',
    text: "--backend must be one of cpu, wasm, webgpu, tfjs-node, got 'gpu'",
    code: 1,
  });
  expect(parseExampleArgs(['seed', '--epochs', '0'])).toMatchObject({ kind: 'print', code: 1 });
  expect(parseExampleArgs(['seed', '--epochs', '2.5'])).toMatchObject({ kind: 'print', code: 1 });
  expect(parseExampleArgs(['seed', '--bogus'])).toMatchObject({ kind: 'print', code: 1 });
});

test('gluon-lenet parses its own options; gluon-spirals is the old name of mlp-spirals', () => {
  expect(parseExampleArgs(['gluon-lenet', '--data', '/x'])).toMatchObject({
    kind: 'own-args',
    name: 'gluon-lenet',
  });
  expect(parseExampleArgs(['gluon-spirals'])).toMatchObject({ kind: 'run', name: 'mlp-spirals' });
});
