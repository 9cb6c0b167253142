// PyTorch as a bench candidate: a child process (MXTS_BENCH_PYTHON, default python3) runs
// pytorch-workloads.py with one thread and answers one request a line, so its runs are
// interleaved round by round with the JavaScript libraries' (each timed inside Python).
// Rows are left out, with why, when torch does not import.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { mlpData } from './data.mjs';

/**
 * `{ torch, threads, candidate(workload), close() }`, or `{ why }` when torch is not there.
 * `candidate(workload)` resolves to a measure() candidate (self-timed) or `{ unavailable }`.
 */
export async function openPytorch() {
  const python = process.env.MXTS_BENCH_PYTHON || 'python3';
  const probe = spawnSync(python, ['-c', 'import torch'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    const why = (probe.stderr || probe.error?.message || '').trim().split('\n').pop();
    return { why: `${python} -c 'import torch' failed (${why}); set MXTS_BENCH_PYTHON` };
  }
  const folder = mkdtempSync(join(tmpdir(), 'mxts-bench-'));
  const d = mlpData();
  for (const [k, v] of Object.entries(d)) {
    writeFileSync(join(folder, `${k}.bin`), Buffer.from(v.buffer, v.byteOffset, v.byteLength));
  }
  const script = fileURLToPath(new URL('pytorch-workloads.py', import.meta.url));
  const child = spawn(python, [script], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => {
    const { value, done } = await lines.next();
    if (done) throw new Error('the PyTorch process ended');
    return JSON.parse(value);
  };
  const call = (req) => {
    child.stdin.write(`${JSON.stringify(req)}\n`);
    return next();
  };
  const hello = await next();
  return {
    torch: hello.torch,
    threads: hello.threads,
    async candidate(workload) {
      const ok = await call({ setup: workload, data: folder });
      if (ok.error) return { impl: 'pytorch', backend: 'libtorch', unavailable: ok.error };
      return {
        impl: 'pytorch',
        backend: 'libtorch',
        selfTimed: true,
        run: async () => {
          const r = await call({ run: workload });
          if (r.error) throw new Error(r.error);
          return r;
        },
      };
    },
    close() {
      child.stdin.end();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
