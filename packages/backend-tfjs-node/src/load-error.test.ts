import { describe, expect, test } from 'vitest';
import { classifyLoadError } from './load-error.js';

const PKG = '@tensorflow/tfjs-node';
const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('classifyLoadError', () => {
  test('the package itself missing (ESM and CJS messages) is "not installed", with the install command', () => {
    for (const e of [
      withCode(`Cannot find package '${PKG}' imported from /app/index.js`, 'ERR_MODULE_NOT_FOUND'),
      withCode(`Cannot find module '${PKG}'\nRequire stack:\n- /app/index.cjs`, 'MODULE_NOT_FOUND'),
    ]) {
      const f = classifyLoadError(PKG, e);
      expect(f.kind).toBe('not-installed');
      expect(f.reason).toContain(`${PKG} is not installed`);
      expect(f.reason).toContain('npm install @tensorflow/tfjs-node');
      expect(f.reason).toContain('downloads libtensorflow');
      expect(f.reason).not.toContain('Require stack');
    }
  });

  test('a missing native addon or libtensorflow is "native binding", with the message and the rebuild fix', () => {
    const addon = withCode(
      `Cannot find module '/app/node_modules/${PKG}/lib/napi-v8/tfjs_binding.node'\nRequire stack:\n- /app/node_modules/${PKG}/dist/index.js`,
      'MODULE_NOT_FOUND',
    );
    const lib = withCode(
      'libtensorflow.so.2: cannot open shared object file: No such file or directory',
      'ERR_DLOPEN_FAILED',
    );
    for (const e of [addon, lib]) {
      const f = classifyLoadError(PKG, e);
      expect(f.kind).toBe('native-binding');
      expect(f.reason).toContain('native binding');
      expect(f.reason).toContain(e.message.split('\n')[0]);
      expect(f.reason).toContain('npm rebuild @tensorflow/tfjs-node');
    }
  });

  test('a missing dependency of an installed tfjs-node is a load error, not "not installed"', () => {
    const e = withCode(
      `Cannot find module '@tensorflow/tfjs'\nRequire stack:\n- /app/node_modules/${PKG}/dist/index.js`,
      'MODULE_NOT_FOUND',
    );
    const f = classifyLoadError(PKG, e);
    expect(f.kind).toBe('load-error');
    expect(f.reason).toContain("Cannot find module '@tensorflow/tfjs'");
  });

  test("Vite's and Vitest's resolution errors are recognized too", () => {
    const f = classifyLoadError(
      PKG,
      new Error(`Could not resolve "${PKG}" imported by "@mxts/backend-tfjs-node".`),
    );
    expect(f.kind).toBe('not-installed');
  });

  test('names the package it was asked about (the GPU build)', () => {
    const gpu = '@tensorflow/tfjs-node-gpu';
    const f = classifyLoadError(gpu, new Error(`Cannot find package '${gpu}' imported from /a.js`));
    expect(f.kind).toBe('not-installed');
    expect(f.reason).toContain(`npm install ${gpu}`);
  });
});
