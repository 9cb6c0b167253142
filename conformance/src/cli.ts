import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Backend } from '@mxts/core';
import { formatTable, type KnownFailure } from './report.js';
import { runConformance } from './run-conformance.js';

const SHORT_NAMES: Record<string, string> = {
  cpu: '@mxts/backend-cpu',
  wasm: '@mxts/backend-wasm',
  webgpu: '@mxts/backend-webgpu',
  'tfjs-node': '@mxts/backend-tfjs-node',
};

const USAGE = `usage: mxts-conformance --backend <cpu|wasm|webgpu|tfjs-node|package name|module path>
                        [--json FILE] [--filter TEXT] [--verbose]

Runs the MXTS conformance suite on one backend and prints a table. Exits 0 only when no
case failed and the backend started.`;

interface BackendModule {
  knownFailures?: readonly KnownFailure[];
  [name: string]: unknown;
}

/** Loads a backend module the way the user names it: short name, package, or path. */
async function loadBackendModule(spec: string): Promise<{ mod: BackendModule; name: string }> {
  const name = SHORT_NAMES[spec] ?? spec;
  const isPath = name.startsWith('.') || isAbsolute(name);
  let url: string;
  if (isPath) url = pathToFileURL(resolve(name)).href;
  else {
    // Resolve from the user's project first, so a backend installed there is found.
    try {
      url = pathToFileURL(createRequire(resolve('package.json')).resolve(name)).href;
    } catch {
      url = name;
    }
  }
  return { mod: (await import(url)) as BackendModule, name };
}

function factoryOf(mod: BackendModule, name: string): () => Promise<Backend> {
  const key = Object.keys(mod).find(
    (k) => /^create\w*Backend$/.test(k) && typeof mod[k] === 'function',
  );
  if (key === undefined) throw new Error(`${name} exports no create<Name>Backend() function`);
  return async () => (mod[key] as () => Promise<Backend>)();
}

/** The CLI; returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const args = new Map<string, string>();
  let verbose = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') {
      console.log(USAGE);
      return 0;
    }
    if (a === '--verbose') verbose = true;
    else if (a === '--backend' || a === '--json' || a === '--filter') {
      if (i + 1 >= argv.length) {
        console.error(`${a} needs a value\n${USAGE}`);
        return 2;
      }
      args.set(a.slice(2), argv[++i]);
    } else {
      console.error(`unknown argument ${a}\n${USAGE}`);
      return 2;
    }
  }
  const spec = args.get('backend') ?? 'cpu';
  let factory: () => Promise<Backend>;
  let knownFailures: readonly KnownFailure[] = [];
  let name = spec;
  try {
    const loaded = await loadBackendModule(spec);
    name = loaded.name;
    factory = factoryOf(loaded.mod, name);
    knownFailures = loaded.mod.knownFailures ?? [];
  } catch (e) {
    const reason = `cannot load ${name}: ${(e as Error).message}`;
    factory = () => Promise.reject(new Error(reason));
  }
  const report = await runConformance(factory, {
    knownFailures,
    filter: args.get('filter'),
    onCase: (r) => {
      if (r.status === 'failed' || verbose)
        console.log(`${r.status.padEnd(13)} ${r.id}${r.message ? `: ${r.message}` : ''}`);
    },
  });
  if (report.backend === 'unknown') report.backend = name;
  console.log(formatTable(report));
  if (report.status === 'unavailable') console.log(`unavailable: ${report.description}`);
  const json = args.get('json');
  if (json) await writeFile(json, `${JSON.stringify(report, null, 2)}\n`);
  return report.status === 'passed' ? 0 : 1;
}
