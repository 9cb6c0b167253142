// The PyTorch rows: a child process (MXTS_BENCH_PYTHON, default python3) runs the same
// workloads with one thread (pytorch-workloads.py). It runs after the JavaScript libraries,
// not interleaved with them. Rows are left out, with why, when torch does not import.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mlpData } from './data.mjs';

/** `{ rows, firsts, torch }` or `{ why }`. */
export function pytorchRows(workloads, { warmup, runs }) {
  const python = process.env.MXTS_BENCH_PYTHON || 'python3';
  const probe = spawnSync(python, ['-c', 'import torch; print(torch.__version__)'], {
    encoding: 'utf8',
  });
  if (probe.status !== 0) {
    const why = (probe.stderr || probe.error?.message || '').trim().split('\n').pop();
    return { why: `${python} -c 'import torch' failed (${why}); set MXTS_BENCH_PYTHON` };
  }
  const folder = mkdtempSync(join(tmpdir(), 'mxts-bench-'));
  try {
    const d = mlpData();
    for (const [k, v] of Object.entries({ ...d, labels: d.labels })) {
      writeFileSync(join(folder, `${k}.bin`), Buffer.from(v.buffer, v.byteOffset, v.byteLength));
    }
    const script = fileURLToPath(new URL('pytorch-workloads.py', import.meta.url));
    const out = spawnSync(python, [script], {
      input: JSON.stringify({ workloads, warmup, runs, data: folder }),
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    if (out.status !== 0)
      return { why: `pytorch-workloads.py failed: ${out.stderr.trim().split('\n').pop()}` };
    return JSON.parse(out.stdout);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
