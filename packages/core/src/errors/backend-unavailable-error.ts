import { MXNetError } from './mxnet-error.js';

/**
 * Raised by a `create<Name>Backend()` factory when its engine cannot start here (no WebGPU
 * adapter, no native library). The message names the cause and how to fix it.
 */
export class BackendUnavailableError extends MXNetError {
  override readonly name = 'BackendUnavailableError';

  constructor(
    readonly backend: string,
    readonly reason: string,
  ) {
    super(`backend ${backend} is unavailable: ${reason}`);
  }
}
