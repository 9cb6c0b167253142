import type { SoakResult } from './spirals-soak.js';

/**
 * The soak results as a table: live arrays, bytes and (WebGPU) GPU bytes at each sampled
 * step, per mode, with the speed and the accuracy reached.
 *
 * @example
 * console.log(formatSoak('cpu', [await spiralsSoak({ mode: 'scope' })]));
 */
export function formatSoak(backend: string, results: readonly SoakResult[]): string {
  const header = ['mode', 'step', 'arrays', 'bytes', 'gpu bytes', 'ms/step', 'accuracy'];
  const rows = results.flatMap((r) =>
    r.samples.map((s, i) => [
      i === 0 ? r.mode : '',
      String(s.step),
      String(s.arrays),
      String(s.bytes),
      s.gpuBytes === undefined ? '-' : String(s.gpuBytes),
      i === 0 ? r.msPerStep.toFixed(2) : '',
      i === 0 ? `${(100 * r.accuracy).toFixed(1)}%` : '',
    ]),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [
    `soak: ${backend}, spirals MLP 2-32-2`,
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
  ].join('\n');
}
