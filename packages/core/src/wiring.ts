import { installAutogradOps } from './autograd/hooks.js';
import { gradients } from './gradients/index.js';
import { onesLike, zerosLike } from './ndarray/creation.js';
import { add } from './ops/add.js';
import { copy } from './ops/copy.js';

let wired = false;

/**
 * Hands the tape its gradient rules and the few ops it needs (autograd never imports ops).
 * Called by the package index and, lazily, by the first op that runs, so a bundler that
 * skips the index's own statements (the package has `sideEffects: false`) cannot leave
 * the tape unwired.
 */
export function wireAutograd(): void {
  if (wired) return;
  wired = true;
  installAutogradOps({ rules: gradients, add, onesLike, zerosLike, copy });
}
