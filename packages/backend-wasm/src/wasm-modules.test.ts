import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { compileWat, MODULES, renderModule } from '../scripts/build-wasm.mjs';

describe("MXTS's own WebAssembly modules", () => {
  test.each(MODULES)('$ts holds $wat as scripts/build-wasm.mjs compiles it', async (m) => {
    const bytes: Uint8Array = await compileWat(m.wat);
    const committed = readFileSync(new URL(`../${m.ts}`, import.meta.url), 'utf8');
    expect(committed).toBe(renderModule(m, bytes));
    // Small enough for a synchronous compile on a browser's main thread (4 KB).
    expect(bytes.length).toBeLessThan(4096);
  });
});
