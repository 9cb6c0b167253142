import { MXNetError } from './mxnet-error.js';

/**
 * Raised when, under `record()`, an in-place op writes into an array that is a variable or is
 * already in a graph (MXNet's E4). The write has already happened, as in MXNet.
 */
export class AssignInGraphError extends MXNetError {
  constructor(readonly op: string) {
    super(
      `${op}: Assigning to NDArrays that are already in a computational graph will cause undefined behavior when evaluating gradients. Please call backward first to clear the graph or do this out side of a record section. Also note that you cannot use inplace operations like +=, *=, relu(x, out=x), y[idx]=x, etc inside a record section.`,
    );
  }
}
