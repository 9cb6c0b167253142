// The examples `pnpm example <name>` runs, and how it reads its arguments.

import { parseArgs } from 'node:util';
import { BACKEND_NAMES, type BackendName, isBackendName } from './backend-option.js';

/** One example: what it shows and how to load it. */
export interface Example {
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
  'd2l-preliminaries': {
    what: "Dive into Deep Learning's preliminaries and linear regression on mx.np (sync reads: not webgpu)",
    load: () => import('./d2l-preliminaries.js'),
  },
  'gluon-lenet': {
    what: "the Crash Course's LeNet on Fashion-MNIST (--data DIR) or synthetic gratings",
    load: () => import('./gluon-lenet.js'),
    ownArgs: true,
  },
};

/** Former names, still accepted (packages/gluon's README says `gluon-spirals`). */
const ALIASES: Record<string, string> = { 'gluon-spirals': 'mlp-spirals' };

/** The usage line and every example with what it shows. */
export function listExamples(): string {
  const width = Math.max(...Object.keys(EXAMPLES).map((n) => n.length));
  return [
    'usage: pnpm example <name> [--backend cpu|wasm|webgpu|tfjs-node] [--epochs N]',
    '',
    'examples:',
    ...Object.entries(EXAMPLES).map(([n, e]) => `  ${n.padEnd(width)}  ${e.what}`),
  ].join('\n');
}

/** What the command line asks for: an example to run, or a text to print and an exit code. */
export type ExampleCommand =
  | { kind: 'run'; name: string; example: Example; backend: BackendName; epochs?: number }
  | { kind: 'own-args'; name: string; example: Example }
  | { kind: 'print'; text: string; code: 0 | 1 };

/**
 * Reads `<name> [--backend B] [--epochs N]`. No name or `--help` lists the examples (exit
 * 0); an unknown name, backend or epoch count is an error that lists them or names the
 * choices (exit 1). Examples with their own options (gluon-lenet) parse the rest themselves.
 *
 * @example
 * parseExampleArgs(['linear-regression', '--backend', 'wasm']); // { kind: 'run', backend: 'wasm', ... }
 */
export function parseExampleArgs(argv: readonly string[]): ExampleCommand {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    return { kind: 'print', text: listExamples(), code: 0 };
  }
  const resolved = ALIASES[name] ?? name;
  const example = Object.hasOwn(EXAMPLES, resolved) ? EXAMPLES[resolved] : undefined;
  if (example === undefined) {
    return { kind: 'print', text: `unknown example '${name}'\n\n${listExamples()}`, code: 1 };
  }
  if (example.ownArgs) return { kind: 'own-args', name: resolved, example };
  let values: { backend?: string; epochs?: string };
  try {
    ({ values } = parseArgs({
      args: [...rest],
      options: { backend: { type: 'string', default: 'cpu' }, epochs: { type: 'string' } },
    }));
  } catch (e) {
    return { kind: 'print', text: `${(e as Error).message}\n\n${listExamples()}`, code: 1 };
  }
  const backend = values.backend as string;
  if (!isBackendName(backend)) {
    return {
      kind: 'print',
      text: `--backend must be one of ${BACKEND_NAMES.join(', ')}, got '${backend}'`,
      code: 1,
    };
  }
  const epochs = values.epochs === undefined ? undefined : Number(values.epochs);
  if (epochs !== undefined && !(Number.isInteger(epochs) && epochs > 0)) {
    return {
      kind: 'print',
      text: `--epochs must be a positive integer, got '${values.epochs}'`,
      code: 1,
    };
  }
  return { kind: 'run', name: resolved, example, backend, epochs };
}
