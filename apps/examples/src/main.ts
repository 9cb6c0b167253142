// `pnpm example <name> [--backend cpu|wasm|webgpu|tfjs-node] [--epochs N]`: runs one example
// of this folder on the backend picked. An unknown or missing name lists the examples.

import * as mx from '@mxts/core';
import { createBackendNamed } from './backend-option.js';
import { parseExampleArgs } from './example-registry.js';

const command = parseExampleArgs(process.argv.slice(2));
if (command.kind === 'print') {
  (command.code === 0 ? console.log : console.error)(command.text);
  process.exit(command.code);
}
if (command.kind === 'own-args') {
  await command.example.load();
} else {
  try {
    mx.useBackend(await createBackendNamed(command.backend));
  } catch (e) {
    // The backend's own message names it, what is missing and the fix.
    console.error((e as Error).message);
    process.exit(1);
  }
  const mod = await command.example.load();
  await mod.run?.({ epochs: command.epochs });
}
// Backends can hold handles (a GPU device, worker threads) that keep Node running.
process.exit(0);
