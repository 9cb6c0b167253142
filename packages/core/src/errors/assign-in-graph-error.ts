import { MXNetError } from './mxnet-error.js';

/**
 * Raised when, under `record()`, an in-place op writes into an array that is a variable or is
 * already in a graph (MXNet's E4). The write has already happened, as in MXNet.
 */
export class AssignInGraphError extends MXNetError {
  override readonly name = 'AssignInGraphError';

  constructor(readonly op: string) {
    super(
      `${op}: Assigning to NDArrays that are already in a computational graph will cause undefined behavior when evaluating gradients. Please call backward first to clear the graph or do this out side of a record section. Also note that you cannot use inplace operations like x.iadd(y), x.imul(y), nd.relu(x, { out: x }), x.set(...), etc inside a record section.`,
    );
  }
}
