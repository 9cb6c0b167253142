// `pnpm example <name> [--backend cpu|wasm|webgpu|tfjs-node] [--epochs N]`: runs one example
// of this folder on the backend picked. An unknown or missing name lists the examples.

import { parseArgs } from 'node:util';
import * as mx from '@mxts/core';
import { BACKEND_NAMES, createBackendNamed, isBackendName } from './backend-option.js';

interface Example {
  what: string;
  /** Runs it once the backend is in use; absent for scripts that parse argv themselves. */
  load: () => Promise<{ run?: (args: { epochs?: number }) => Promise<void> }>;
  /** The example picks and starts its backend itself (it has more options). */
  ownArgs?: boolean;
}

/** Every example, by the name `pnpm example` takes. */
export const EXAMPLES: Record<string, Example> = {
  seed: {
    what: "the five documented outputs of MXTS's seed tutorial (autograd, initializers)",
    load: () => import('./seed.js'),
  },
  'linear-regression': {
    what: 'y = Xw + b + noise by minibatch SGD; recovers w = [2, -3.4] and b = 4.2',
    load: () => import('./linear-regression.js'),
  },
  'mlp-spirals': {
    what: 'a Gluon MLP on two spirals, with a progress bar of loss and accuracy',
    load: () => import('./mlp-spirals.js'),
  },
  'higher-order': {
    what: "tanh's derivatives to the fourth order by autograd.grad({ createGraph: true })",
    load: () => import('./higher-order.js'),
  },
  'gluon-lenet': {
    what: "the Crash Course's LeNet on Fashion-MNIST (--data DIR) or synthetic gratings",
    load: () => import('./gluon-lenet.js'),
    ownArgs: true,
  },
};

/** Former names, still accepted (packages/gluon's README says `gluon-spirals`). */
const ALIASES: Record<string, string> = { 'gluon-spirals': 'mlp-spirals' };

function list(): string {
  const width = Math.max(...Object.keys(EXAMPLES).map((n) => n.length));
  return [
    'usage: pnpm example <name> [--backend cpu|wasm|webgpu|tfjs-node] [--epochs N]',
    '',
    'examples:',
    ...Object.entries(EXAMPLES).map(([n, e]) => `  ${n.padEnd(width)}  ${e.what}`),
  ].join('\n');
}

const [name, ...rest] = process.argv.slice(2);
const example = name === undefined ? undefined : EXAMPLES[ALIASES[name] ?? name];
if (example === undefined) {
  if (name !== undefined && name !== '--help' && name !== '-h') {
    console.error(`unknown example '${name}'\n`);
    console.error(list());
    process.exit(1);
  }
  console.log(list());
  process.exit(0);
}
if (example.ownArgs) {
  await example.load();
} else {
  const { values } = parseArgs({
    args: rest,
    options: { backend: { type: 'string', default: 'cpu' }, epochs: { type: 'string' } },
  });
  const backend = values.backend as string;
  if (!isBackendName(backend)) {
    console.error(`--backend must be one of ${BACKEND_NAMES.join(', ')}, got '${backend}'`);
    process.exit(1);
  }
  const epochs = values.epochs === undefined ? undefined : Number(values.epochs);
  if (epochs !== undefined && !(Number.isInteger(epochs) && epochs > 0)) {
    console.error(`--epochs must be a positive integer, got '${values.epochs}'`);
    process.exit(1);
  }
  try {
    mx.useBackend(await createBackendNamed(backend));
  } catch (e) {
    // The backend's own message names it, what is missing and the fix.
    console.error((e as Error).message);
    process.exit(1);
  }
  const mod = await example.load();
  await mod.run?.({ epochs });
}
// Backends can hold handles (a GPU device, worker threads) that keep Node running.
process.exit(0);
