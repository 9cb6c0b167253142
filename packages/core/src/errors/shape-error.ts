import { MXNetError } from './mxnet-error.js';

/**
 * Raised when the shapes of an op's inputs do not fit together (MXNet's shape-inference
 * failures). The message names the op, the shapes and the rule they break.
 */
export class ShapeError extends MXNetError {
  override readonly name = 'ShapeError';

  constructor(
    readonly op: string,
    readonly shapes: readonly (readonly number[])[],
    rule: string,
  ) {
    super(`${op}: ${rule} (got shapes ${shapes.map((s) => `(${s.join(', ')})`).join(', ')})`);
  }
}
