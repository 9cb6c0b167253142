import { MXNetError } from './mxnet-error.js';

/**
 * Raised when a symbol graph (one loaded with `mx.sym.loadJson`, say) is run, bound or
 * shape-checked through an operator MXTS's symbolic executor does not have. Loading,
 * listing arguments and `tojson()` work for every operator; running needs each one.
 * `operator` is MXNet's operator name, `node` the graph node using it.
 *
 * @example
 * try { mod.bind({ dataShapes: [['data', [1, 3, 8, 8]]] }); }
 * catch (e) { if (e instanceof mx.UnsupportedOperatorError) console.log(e.operator); } // 'ROIPooling'
 */
export class UnsupportedOperatorError extends MXNetError {
  override readonly name = 'UnsupportedOperatorError';

  constructor(
    /** The public function that needed it (`forward`, `Module.bind`). */
    readonly op: string,
    /** MXNet's name of the missing operator. */
    readonly operator: string,
    /** The node that uses it. */
    readonly node: string,
  ) {
    super(
      `${op}: operator ${operator} (node ${node}) is not available in MXTS's symbolic executor; the graph loads, lists and serializes, but cannot run until MXTS implements ${operator}`,
    );
  }
}
