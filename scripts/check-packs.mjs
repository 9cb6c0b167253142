#!/usr/bin/env node
// Packs every public package as npm would publish it (after `pnpm build`) and checks the
// tarball: no `.tsbuildinfo`, no tests or fixtures, the metadata a registry page shows
// (repository with its directory, homepage, keywords), and the types as TypeScript resolves
// them, by @arethetypeswrong/cli (ESM-only profile: the packages ship no CommonJS). publint
// runs separately in `pnpm test` (`pnpm publint`).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
export const PUBLIC_PACKAGES = [
  'packages/core',
  'packages/tfjs-adapter',
  'packages/backend-cpu',
  'packages/backend-wasm',
  'packages/backend-webgpu',
  'packages/backend-tfjs-node',
  'packages/gluon',
  'conformance',
];
// Paths that must never reach a tarball (conformance ships its fixtures: the suite reads them).
const FORBIDDEN = [/\.tsbuildinfo$/, /\.test(-d)?\.(ts|js|d\.ts|js\.map|d\.ts\.map)$/];

const work = mkdtempSync(join(tmpdir(), 'mxts-packs-'));
const problems = [];
try {
  for (const dir of PUBLIC_PACKAGES) {
    const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
    const dest = join(work, dir.replaceAll('/', '-'));
    execFileSync('pnpm', ['pack', '--pack-destination', dest], {
      cwd: join(root, dir),
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const tgz = execFileSync('sh', ['-c', `ls "${dest}"/*.tgz`], { encoding: 'utf8' }).trim();
    const entries = execFileSync('tar', ['-tzf', tgz], { encoding: 'utf8' }).trim().split('\n');
    for (const e of entries) {
      if (FORBIDDEN.some((re) => re.test(e))) problems.push(`${pkg.name}: ${e} is in the tarball`);
    }
    if (!entries.includes('package/dist/index.d.ts')) {
      problems.push(`${pkg.name}: dist/index.d.ts missing (run pnpm build first)`);
    }
    if (pkg.repository?.directory !== dir) {
      problems.push(`${pkg.name}: repository.directory should be '${dir}'`);
    }
    if (typeof pkg.homepage !== 'string') problems.push(`${pkg.name}: no homepage`);
    if (!Array.isArray(pkg.keywords) || pkg.keywords.length === 0) {
      problems.push(`${pkg.name}: no keywords`);
    }
    try {
      execFileSync('npx', ['attw', tgz, '--profile', 'esm-only', '--format', 'ascii'], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      console.log(`${pkg.name}: ${entries.length} files, attw ok`);
    } catch (e) {
      problems.push(`${pkg.name}: attw failed\n${e.stdout ?? ''}${e.stderr ?? ''}`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`check-packs: ${PUBLIC_PACKAGES.length} packages ok`);
