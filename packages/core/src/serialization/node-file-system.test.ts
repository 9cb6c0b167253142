import { expect, test } from 'vitest';
import { FileSystemUnavailableError } from '../errors/file-system-unavailable-error.js';
import { nodeFileSystem } from './node-file-system.js';

test('Node has fs/promises', async () => {
  const fs = await nodeFileSystem('load');
  expect(typeof fs.readFile).toBe('function');
});

test('without a file system (a browser), FileSystemUnavailableError names the bytes API', async () => {
  await expect(nodeFileSystem('save', 'node:no-such-module')).rejects.toThrow(
    FileSystemUnavailableError,
  );
  await expect(nodeFileSystem('load', 'node:no-such-module')).rejects.toThrow(
    'use mx.nd.loadFromBytes',
  );
  // A bundler's empty stand-in for Node's module.
  await expect(nodeFileSystem('save', 'node:path')).rejects.toThrow('use mx.nd.saveToBytes');
});

test('a runtime without Node or Deno (a browser) is refused before any module fetch', async () => {
  await expect(nodeFileSystem('load', undefined, {})).rejects.toThrow('use mx.nd.loadFromBytes');
  await expect(nodeFileSystem('save', undefined, { process: {} })).rejects.toThrow(
    FileSystemUnavailableError,
  );
  // Deno has no process.versions.node but has the module.
  const fs = await nodeFileSystem('load', undefined, { Deno: {} });
  expect(typeof fs.readFile).toBe('function');
});
