import { FileAccessError } from '../errors/file-access-error.js';
import { FileSystemUnavailableError } from '../errors/file-system-unavailable-error.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { describe } from '../validate/check-args.js';

/** The part of Node's `fs/promises` that `save` and `load` use. */
export interface FileSystem {
  readFile(path: string | URL): Promise<Uint8Array>;
  writeFile(path: string | URL, data: Uint8Array): Promise<void>;
}

// Imported at run time from a variable, so bundlers neither resolve nor polyfill it for
// browsers and the core package still loads there.
const FS_MODULE = 'node:fs/promises';

/**
 * Node's `fs/promises` (or Deno's and Bun's), imported on first use; a
 * FileSystemUnavailableError where there is none (a browser).
 *
 * @example
 * const fs = await nodeFileSystem('load');
 * const bytes = await fs.readFile('model.params');
 */
export async function nodeFileSystem(
  op: string,
  specifier = FS_MODULE,
  runtime: object = globalThis,
): Promise<FileSystem> {
  // Not even tried where no runtime has it: a browser would log a failed module fetch.
  const g = runtime as { process?: { versions?: { node?: string } }; Deno?: unknown };
  if (g.process?.versions?.node === undefined && g.Deno === undefined) {
    throw new FileSystemUnavailableError(op, 'this runtime (a browser?) has no file system');
  }
  let mod: Partial<FileSystem>;
  try {
    mod = await import(/* @vite-ignore */ /* webpackIgnore: true */ specifier);
  } catch (e) {
    throw new FileSystemUnavailableError(op, e instanceof Error ? e.message : String(e));
  }
  // A bundler may hand browsers an empty stand-in for Node's modules.
  if (typeof mod.readFile !== 'function' || typeof mod.writeFile !== 'function') {
    throw new FileSystemUnavailableError(op, `${specifier} has no readFile/writeFile here`);
  }
  return mod as FileSystem;
}

/** `path` must be a non-empty string or a URL; checked before the file system is touched. */
export function checkPath(op: string, path: unknown): string | URL {
  if ((typeof path === 'string' && path.length > 0) || path instanceof URL) return path;
  throw new InvalidArgumentError(
    op,
    `path must be a non-empty string or a URL, got ${describe(path)}`,
  );
}

/**
 * Runs one file system call, turning the system's error (ENOENT, EACCES, EISDIR) into a
 * FileAccessError naming the op and the path.
 */
export async function withFileErrors<T>(
  op: string,
  path: string | URL,
  f: () => Promise<T>,
): Promise<T> {
  try {
    return await f();
  } catch (e) {
    const code = (e as { code?: unknown } | null)?.code;
    if (typeof code !== 'string') throw e;
    throw new FileAccessError(op, String(path), code, e instanceof Error ? e.message : String(e), {
      cause: e,
    });
  }
}
