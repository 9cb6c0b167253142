// Bundles a program the way a user's Vite app does (Rolldown, minified, browser conditions)
// and reports its size gzipped. With `source: true` the workspace packages resolve to their
// TypeScript sources (tests run without a build); otherwise to dist/ as published.
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

/**
 * @param {string} entry absolute path of the program
 * @param {{ source?: boolean }} [options]
 * @returns {Promise<{ code: string, raw: number, gzip: number }>}
 */
export async function bundle(entry, { source = false } = {}) {
  const out = await build({
    configFile: false,
    logLevel: 'error',
    root: new URL('../..', import.meta.url).pathname,
    resolve: { conditions: [...(source ? ['source'] : []), 'module', 'browser', 'production'] },
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      modulePreload: false,
      rollupOptions: { input: entry, preserveEntrySignatures: false },
    },
  });
  const chunks = (Array.isArray(out) ? out : [out])
    .flatMap((o) => o.output)
    .filter((c) => c.type === 'chunk');
  const code = chunks.map((c) => c.code).join('\n');
  return { code, raw: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length };
}
