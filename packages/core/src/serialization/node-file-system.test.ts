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
