import { checkPath, nodeFileSystem, withFileErrors } from './node-file-system.js';
import { encodeSaveData, type SaveData, type SaveOptions } from './save-to-bytes.js';

/**
 * MXNet's `mx.nd.save(fname, data)`: writes one NDArray, a list of NDArrays or a dict of
 * name -> NDArray to a file in MXNet's binary NDArray format, which MXNet's `mx.nd.load`,
 * `Module.load_params` (with `arg:`/`aux:` names) and Gluon `load_parameters` read. Values
 * are read with `await x.data()`, so arrays on any backend can be saved.
 *
 * Needs a file system (Node, Deno, Bun): `node:fs/promises` is imported when first called,
 * and a FileSystemUnavailableError is raised without one; in a browser use
 * `mx.nd.saveToBytes`. A path the file system refuses (ENOENT, EACCES) raises FileAccessError.
 *
 * @example
 * await mx.nd.save('my_list', [mx.nd.zeros([2, 3]), mx.nd.ones([1, 4])]);
 * await mx.nd.save('net.params', { 'arg:fc_weight': w, 'arg:fc_bias': b });
 */
export async function save(
  path: string | URL,
  data: SaveData,
  options: SaveOptions = {},
): Promise<void> {
  const p = checkPath('save', path);
  const fs = await nodeFileSystem('save');
  const bytes = await encodeSaveData('save', data, options);
  await withFileErrors('save', p, () => fs.writeFile(p, bytes));
}
