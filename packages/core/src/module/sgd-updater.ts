import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { zerosLike } from '../ndarray/creation.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { sgdMomUpdate } from '../ops/sgd-mom-update.js';
import { sgdUpdate } from '../ops/sgd-update.js';
import { checkOptions } from '../validate/check-args.js';

/** MXNet `optimizer.SGD`'s parameters as `Module.initOptimizer` takes them. */
export interface SGDParams {
  /** MXNet `learning_rate`; default 0.01. */
  learningRate?: number;
  /** MXNet `momentum`; default 0 (no momentum state). */
  momentum?: number;
  /** MXNet `wd`: weight decay, applied to `*_weight` and `*_gamma` only; default 0. */
  wd?: number;
  /** MXNet `rescale_grad`; Module's default is `1 / batch size`. */
  rescaleGrad?: number;
  /** MXNet `clip_gradient`; none by default. */
  clipGradient?: number;
}

function finite(name: string, v: unknown, def: number): number {
  if (v === undefined) return def;
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new InvalidArgumentError(
      'Module.initOptimizer',
      `optimizerParams.${name} must be a finite number, got ${String(v)}`,
    );
  }
  return v;
}

/**
 * MXNet 1.9.1's `optimizer.SGD.update` as Module's updater runs it: `sgd_update` (or
 * `sgd_mom_update` with momentum) in place, with `lr * lr_mult[name]` and
 * `wd * wd_mult[name]`, where `wd_mult` is 0 for parameters not ending in `_weight` or
 * `_gamma` (`Optimizer.set_wd_mult`) and `__lr_mult__`/`__wd_mult__` variable attributes
 * override. @internal
 */
export class SGDUpdater {
  private readonly lr: number;
  private readonly momentum: number;
  private readonly wd: number;
  private readonly rescaleGrad: number;
  private readonly clipGradient: number | undefined;
  private readonly states: (NDArray | null)[];

  constructor(
    params: SGDParams,
    defaultRescale: number,
    private readonly names: readonly string[],
    weights: readonly NDArray[],
    private readonly attrs: Readonly<Record<string, Readonly<Record<string, string>>>>,
  ) {
    checkOptions('Module.initOptimizer', params as object);
    this.lr = finite('learningRate', params.learningRate, 0.01);
    this.momentum = finite('momentum', params.momentum, 0);
    this.wd = finite('wd', params.wd, 0);
    this.rescaleGrad = finite('rescaleGrad', params.rescaleGrad, defaultRescale);
    this.clipGradient =
      params.clipGradient === undefined
        ? undefined
        : finite('clipGradient', params.clipGradient, 0);
    this.states = weights.map((w) => (this.momentum !== 0 ? zerosLike(w) : null));
  }

  private mult(name: string, key: '__lr_mult__' | '__wd_mult__', def: number): number {
    const v = this.attrs[name]?.[key];
    return v === undefined ? def : Number(v);
  }

  /** One step for parameter `index`: weight updated in place. */
  update(index: number, weight: NDArray, grad: NDArray): void {
    const name = this.names[index];
    const lr = this.lr * this.mult(name, '__lr_mult__', 1);
    const decays = name.endsWith('_weight') || name.endsWith('_gamma');
    const wd = this.wd * this.mult(name, '__wd_mult__', decays ? 1 : 0);
    const common = {
      lr,
      wd,
      rescaleGrad: this.rescaleGrad,
      ...(this.clipGradient !== undefined ? { clipGradient: this.clipGradient } : {}),
      out: weight,
    };
    const state = this.states[index];
    if (state !== null) sgdMomUpdate(weight, grad, state, { ...common, momentum: this.momentum });
    else sgdUpdate(weight, grad, common);
  }

  /** Frees the momentum states. */
  dispose(): void {
    for (const s of this.states) s?.dispose();
  }
}
