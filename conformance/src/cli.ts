import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Backend, setLeakWarning, useBackend } from '@mxts/core';
import { createProgress, wantsProgress } from './progress.js';
import { type ConformanceReport, formatTable, type KnownFailure } from './report.js';
import { runConformance } from './run-conformance.js';
import { formatSoak } from './soak/format-soak.js';
import { soakAndCheck } from './soak/soak-and-check.js';
import type { SoakMode, SoakResult } from './soak/spirals-soak.js';

const SHORT_NAMES: Record<string, string> = {
  cpu: '@mxts/backend-cpu',
  wasm: '@mxts/backend-wasm',
  webgpu: '@mxts/backend-webgpu',
  'tfjs-node': '@mxts/backend-tfjs-node',
};

const USAGE = `usage: mxts-conformance --backend <cpu|wasm|webgpu|tfjs-node|package name|module path>
                        [--json FILE] [--filter TEXT] [--verbose] [--soak [STEPS]]

Runs the MXTS conformance suite on one backend and prints a table. Exits 0 only when no
case failed and the backend started. On a terminal (not with --json, not under CI) it
shows live progress: cases done/total and elapsed time, per suite. With --soak, runs the
memory soak instead: a spirals MLP trained for STEPS steps (default 2000) three ways (each
step in mx.scope; no scope with sgdUpdate; no scope with adamUpdate),
printing live arrays and bytes as it goes.`;

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
    else if (a === '--soak') {
      const next = argv[i + 1];
      args.set('soak', next !== undefined && /^\d+$/.test(next) ? argv[++i] : '2000');
    } else if (a === '--backend' || a === '--json' || a === '--filter') {
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
  const soak = args.get('soak');
  if (soak !== undefined) return runSoak(factory, Number(soak));
  // A terminal gets live bars; --json runs and CI logs get only the lines and the table.
  const progress = wantsProgress({
    isTTY: process.stdout.isTTY,
    json: args.has('json'),
    env: process.env,
  })
    ? createProgress({ stream: process.stdout })
    : null;
  let report: ConformanceReport;
  try {
    report = await runConformance(factory, {
      knownFailures,
      filter: args.get('filter'),
      onStart: (cases) => progress?.start(cases),
      onCase: (r) => {
        progress?.case(r);
        if (r.status === 'failed' || verbose) {
          const line = `${r.status.padEnd(13)} ${r.id}${r.message ? `: ${r.message}` : ''}`;
          if (progress) progress.log(line);
          else console.log(line);
        }
      },
    });
  } finally {
    progress?.stop();
  }
  if (report.backend === 'unknown') report.backend = name;
  console.log(formatTable(report));
  if (report.status === 'unavailable') console.log(`unavailable: ${report.description}`);
  const json = args.get('json');
  if (json) await writeFile(json, `${JSON.stringify(report, null, 2)}\n`);
  return report.status === 'passed' ? 0 : 1;
}

/** `--soak STEPS`: the three soak modes on the backend, as a table; 0 when all held. */
async function runSoak(factory: () => Promise<Backend>, steps: number): Promise<number> {
  if (!(steps >= 10)) {
    console.error(`--soak needs at least 10 steps, got ${steps}`);
    return 2;
  }
  let backend: Backend;
  try {
    backend = await factory();
  } catch (e) {
    console.log(`unavailable: ${(e as Error).message}`);
    return 1;
  }
  useBackend(backend);
  setLeakWarning(false);
  const results: SoakResult[] = [];
  let failed = false;
  const sampleAt = [...new Set([10, Math.round(steps / 2), steps])];
  for (const mode of ['scope', 'sgd', 'adam'] as const satisfies readonly SoakMode[]) {
    try {
      results.push(
        await soakAndCheck({ mode, steps, sampleAt, minAccuracy: steps >= 2000 ? 0.97 : 0 }),
      );
    } catch (e) {
      failed = true;
      console.log(`failed ${mode}: ${(e as Error).message}`);
    }
  }
  console.log(formatSoak(`${backend.name} (${backend.capabilities.description})`, results));
  console.log(`status: ${failed ? 'failed' : 'passed'}`);
  backend.close?.();
  return failed ? 1 : 0;
}
