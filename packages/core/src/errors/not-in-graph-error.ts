import { MXNetError } from './mxnet-error.js';

/**
 * Raised by `backward`/`grad` on a head that has no recorded history (MXNet's E1): it was
 * computed outside `record()`, from inputs that need no gradient, or its graph was already
 * released by an earlier backward without `retainGraph`.
 */
export class NotInGraphError extends MXNetError {
  override readonly name = 'NotInGraphError';

  constructor() {
    super(
      'Cannot differentiate node because it is not in a computational graph. Run the forward inside autograd.record(() => ...) (or autograd.setRecording(true)) to save computational graphs for backward. If you want to differentiate the same graph twice, you need to pass { retainGraph: true } to backward().',
    );
  }
}
