import { MXNetError } from '@mxts/core';

/**
 * What stopped `mxts-tfjs-node-setup`: each kind names one missing piece.
 *
 * @example
 * const kind: SetupFailure = 'compiler';
 */
export type SetupFailure =
  | 'tfjs-node-missing'
  | 'tfjs-node-version'
  | 'platform'
  | 'compiler'
  | 'node-headers'
  | 'pip'
  | 'pip-download'
  | 'wheel-missing'
  | 'wheel-platform'
  | 'wheel-contents'
  | 'compile'
  | 'addon-load';

/**
 * Raised by `setupTfjsNode` (the `mxts-tfjs-node-setup` command) when a piece it needs is
 * missing. `kind` names the piece, `fix` says how to provide it; the message has both.
 *
 * @example
 * try { await setupTfjsNode({ project: '.' }); }
 * catch (e) { if (e instanceof TfjsNodeSetupError && e.kind === 'pip') console.error(e.fix); }
 */
export class TfjsNodeSetupError extends MXNetError {
  override readonly name = 'TfjsNodeSetupError';

  constructor(
    readonly kind: SetupFailure,
    readonly problem: string,
    readonly fix: string,
  ) {
    super(`mxts-tfjs-node-setup: ${problem}\n  fix: ${fix}`);
  }
}
