// Runs the conformance suite on the CPU backend as a bundler resolves it (the "module" entry,
// with only the TF.js kernels MXTS calls). scripts/check-bundled-cpu.mjs bundles this file.
import { createCpuBackend } from '@mxts/backend-cpu';
import { runConformance } from '@mxts/conformance';

const report = await runConformance(createCpuBackend);
const { passed, failed } = report.summary;
console.log(`bundled backend-cpu: ${report.status}, ${passed} passed, ${failed} failed`);
for (const c of report.cases) {
  if (c.status === 'failed') console.log(`  failed: ${c.id}: ${c.error ?? ''}`);
}
process.exit(report.status === 'passed' && passed > 0 ? 0 : 1);
