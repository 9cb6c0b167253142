import { type LoadOptions, type LoadResult, loadArrays } from './load-from-bytes.js';
import { checkPath, nodeFileSystem, withFileErrors } from './node-file-system.js';

/**
 * MXNet's `mx.nd.load(fname)`: the arrays of an MXNet NDArray file (`mx.nd.save`,
 * `Module.save_params`, Gluon `save_parameters`), as a list when the file has no names,
 * else a dict of name -> NDArray. Arrays are created on `options.ctx`, or the current
 * context. dtypes, errors and formats are those of `mx.nd.loadFromBytes`: float16 becomes
 * float32, int64 becomes int32 (range-checked), float64 becomes float32 where the backend
 * has no float64; a corrupt or truncated file raises CorruptFileError.
 *
 * Needs a file system (Node, Deno, Bun): `node:fs/promises` is imported when first called,
 * and a FileSystemUnavailableError is raised without one; in a browser use
 * `mx.nd.loadFromBytes`. A path the file system refuses (ENOENT, EACCES) raises FileAccessError.
 *
 * @example
 * const [x, y] = (await mx.nd.load('my_list')) as mx.NDArray[];
 * const params = (await mx.nd.load('net.params', { ctx: mx.cpu() })) as Record<string, mx.NDArray>;
 */
export async function load(path: string | URL, options: LoadOptions = {}): Promise<LoadResult> {
  const p = checkPath('load', path);
  const fs = await nodeFileSystem('load');
  const bytes = await withFileErrors('load', p, () => fs.readFile(p));
  return loadArrays(bytes, options, 'load');
}
