import { createWasmBackend } from '@mxts/backend-wasm';
import * as mx from '@mxts/core';
import { beforeAll, describe, expect, test } from 'vitest';
import { trainSpirals } from './spirals.fixture.js';

beforeAll(async () => {
  mx.useBackend(await createWasmBackend());
});

describe('a Gluon MLP on 2-class spirals, wasm backend', () => {
  test('reaches >= 97% training accuracy with flat memory', async () => {
    expect(await trainSpirals()).toBeGreaterThanOrEqual(0.97);
  });
});
