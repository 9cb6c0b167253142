import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, test } from 'vitest';
import * as errors from './index.js';

type ErrorClass = new (...args: unknown[]) => Error;

// Constructor arguments vary per class; the first list that constructs without throwing is
// used. A new class none of these fit makes the test fail, so it gets an entry here.
const ARG_LISTS: unknown[][] = [['op', [], 'detail', 'x', 0, 'y'], ['op', 'detail', []], []];

function errorClasses(mod: Record<string, unknown>): [string, ErrorClass][] {
  return Object.entries(mod).filter(
    (e): e is [string, ErrorClass] =>
      typeof e[1] === 'function' && (e[1] as { prototype: unknown }).prototype instanceof Error,
  );
}

function construct(cls: ErrorClass): Error {
  for (const args of ARG_LISTS) {
    try {
      return new cls(...args);
    } catch {
      // try the next argument list
    }
  }
  throw new Error(`no argument list constructs ${cls.name}; add one to ARG_LISTS`);
}

describe('error class names', () => {
  test('every exported error class has name equal to its export name', () => {
    const classes = errorClasses(errors);
    expect(classes.length).toBeGreaterThanOrEqual(30);
    for (const [exportName, cls] of classes) {
      const e = construct(cls);
      expect(e.name, exportName).toBe(exportName);
      expect(e).toBeInstanceOf(errors.MXNetError);
      expect(String(e).startsWith(exportName), exportName).toBe(true);
    }
  });

  test('names survive a minifier that renames classes', async () => {
    const entry = fileURLToPath(new URL('./index.ts', import.meta.url));
    const out = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      keepNames: false,
      format: 'esm',
      platform: 'neutral',
      write: false,
    });
    const code = out.outputFiles[0]!.text;
    // Minified class identifiers are short; a literal name field is the only way names survive.
    expect(code).not.toMatch(/class ShapeError\b/);
    const mod = (await import(
      `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`
    )) as Record<string, unknown>;
    const classes = errorClasses(mod);
    expect(classes.map(([n]) => n).sort()).toEqual(
      errorClasses(errors)
        .map(([n]) => n)
        .sort(),
    );
    for (const [exportName, cls] of classes) {
      expect(construct(cls).name, exportName).toBe(exportName);
    }
  });
});
