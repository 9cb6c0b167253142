import { createWasmBackend } from '@mxts/backend-wasm';
import * as mx from '@mxts/core';
import { beforeAll, test } from 'vitest';
import { checkLeNetSteps } from './lenet.fixture.js';

beforeAll(async () => {
  mx.useBackend(await createWasmBackend());
});

test('LeNet trains on wasm: MXNet names and shapes, the loss falls, live arrays stay flat', async () => {
  await checkLeNetSteps(6, 32);
}, 120_000);
