import { fileURLToPath } from 'node:url';
import * as mx from '@mxts/core';
import { build } from 'esbuild';
import { describe, expect, test } from 'vitest';
import * as gluon from './index.js';
import { mxnetName } from './mxnet-name.js';

type Ctor = abstract new (...args: never[]) => unknown;

/** Every class Gluon exports, by its export path (`nn.Dense`), errors aside. */
function exportedClasses(mod: Record<string, unknown>, path = ''): [string, Ctor][] {
  const found: [string, Ctor][] = [];
  for (const [key, v] of Object.entries(mod)) {
    if (typeof v === 'function' && /^class\b/.test(Function.prototype.toString.call(v))) {
      if (!((v as { prototype: unknown }).prototype instanceof Error)) {
        found.push([`${path}${key}`, v as Ctor]);
      }
    } else if (v !== null && typeof v === 'object' && /^[a-z]/.test(key) && path === '') {
      found.push(...exportedClasses(v as Record<string, unknown>, `${key}.`));
    }
  }
  return found;
}

describe('Gluon class names are literals (minifiers rename classes)', () => {
  test('every exported class carries its own mxnetName, the name it is exported under', () => {
    const root = gluon as unknown as Record<string, Record<string, unknown>>;
    const classes = exportedClasses(root);
    expect(classes.length).toBeGreaterThan(60);
    for (const [path, cls] of classes) {
      expect(Object.hasOwn(cls, 'mxnetName'), path).toBe(true);
      // An alias (loss.SigmoidBCELoss) names the class it stands for, exported beside it.
      const ns = path.includes('.') ? root[path.split('.')[0]] : root;
      expect(ns[mxnetName(cls)], path).toBe(cls);
    }
  });

  test("a user's subclass goes by its own class name, as in Python", () => {
    class MyNet extends gluon.HybridBlock {}
    const net = new mx.name.NameManager().run(() => new MyNet());
    expect(mxnetName(net)).toBe('MyNet');
    expect(net.prefix).toBe('mynet0_');
  });

  test('prefixes, error op names and reprs survive a minified bundle', async () => {
    const entry = fileURLToPath(new URL('./index.ts', import.meta.url));
    const out = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      keepNames: false,
      format: 'esm',
      platform: 'node',
      conditions: ['source'],
      write: false,
      logLevel: 'silent',
    });
    const code = out.outputFiles[0]!.text;
    expect(code).not.toMatch(/class Dense\b/);
    const g = (await import(
      `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`
    )) as typeof gluon;
    const dense = new g.nn.Dense(3);
    expect(dense.prefix).toBe('dense0_');
    expect(dense.weight.name).toBe('dense0_weight');
    expect(String(new g.nn.Dense(3, { inUnits: 2 }))).toMatch(/^Dense\(2 -> 3,/);
    expect(() => new g.loss.L2Loss({ weight: 'a' as never })).toThrow(/^L2Loss: /);
    expect(() => new g.nn.Dense(3, { prefix: 1 as never })).toThrow(/^Dense: /);
    expect(() => new g.optimizer.SGD({ learningRate: 'a' as never })).toThrow(/SGD/);
  });
});
