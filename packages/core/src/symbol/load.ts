import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { nodeFileSystem } from '../serialization/node-file-system.js';
import { type LoadJsonLimits, loadJson } from './load-json.js';
import type { Symbol } from './symbol.js';

/**
 * MXNet `mx.sym.load(fname)`: reads a `-symbol.json` file (MXNet's `save`, Module's
 * checkpoint, Gluon's `export`) as {@link loadJson} does. Async because the file is read
 * with Node's `fs/promises` (imported on first use; FileSystemUnavailableError in a
 * browser, where `loadJson` takes the text). A file that cannot be read raises
 * InvalidArgumentError naming the path and Node's error code.
 *
 * @example
 * const net = await mx.sym.load('resnet-18-symbol.json');
 * net.listAuxiliaryStates();
 */
export async function load(path: string | URL, limits: LoadJsonLimits = {}): Promise<Symbol> {
  const fs = await nodeFileSystem('sym.load');
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(path);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    throw new InvalidArgumentError(
      'sym.load',
      `cannot read '${String(path)}'${typeof code === 'string' ? ` (${code})` : ''}: ${e instanceof Error ? e.message : String(e)}; pass the path of a -symbol.json file`,
    );
  }
  return loadJson(new TextDecoder().decode(bytes), limits);
}
