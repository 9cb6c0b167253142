import { MXNetError } from './mxnet-error.js';

/**
 * Raised by `mx.sym.loadJson` / `mx.sym.load` when the text is not a symbol graph MXNet
 * could read (MXNet's `dmlc::Error` from nnvm's `LoadJSON`): not JSON, a missing or
 * unknown field, an input that points at a later node or past a node's outputs, an
 * `arg_nodes` entry that is not a variable, or a file over the size limits. The message
 * names the field (`nodes[3].inputs[1]`) and what was expected there.
 *
 * @example
 * try { mx.sym.loadJson('{"nodes": []}'); }
 * catch (e) { if (e instanceof mx.SymbolJSONError) console.log(e.path); } // 'arg_nodes'
 */
export class SymbolJSONError extends MXNetError {
  override readonly name = 'SymbolJSONError';

  constructor(
    /** Where in the JSON the problem is, e.g. `nodes[3].inputs[1]` (`''` for the whole text). */
    readonly path: string,
    /** What was expected there. */
    readonly expected: string,
  ) {
    super(`loadJson: invalid symbol JSON${path === '' ? '' : ` at ${path}`}: ${expected}`);
  }
}
