import type { DType, NDArray } from '@mxts/core';
import type { Tolerance } from '../assertions.js';
import type { Domain } from './domain.js';
import type { RefArray } from './ref-array.js';
import type { Sample } from './sample.js';

/** An argument as the op receives it. */
export type RunArg = NDArray | number;

/** An argument as the reference receives it. */
export type RefArg = RefArray | number;

/** How an op's gradient is checked. */
export interface GradientInfo {
  /**
   * 'numeric': against central differences (zero for piecewise-constant ops such as floor);
   * 'blocked': the op defines its gradient as zero (stopGradient), whatever the numbers say.
   */
  readonly kind: 'numeric' | 'blocked';
  /** Step of the central differences; GRAD_EPS by default. */
  readonly eps?: number;
  /** Looser tolerances for an op whose gradient is large or badly conditioned. */
  readonly tolerance?: Tolerance;
}

/**
 * What the suite knows of one public op, in the style of PyTorch's OpInfo: how to call it,
 * a float64 reference, the inputs to try (drawn from a seeded generator inside the valid
 * domain), the dtypes it supports and how it differentiates.
 */
export interface OpInfo<O = any> {
  /** The export of `mx.nd`. */
  readonly name: string;
  /** Calls the op; several outputs come back as a list. */
  run(args: RunArg[], options: O): NDArray | NDArray[];
  /** The expected outputs, computed in float64 from the same (float32) inputs. */
  reference(args: RefArg[], options: O): RefArray | RefArray[];
  /** dtypes the op supports, float32 first; each other one needs `dtypeSamples`. */
  readonly dtypes: readonly DType[];
  /** Where the samples were drawn (documentation; samples are built from it). */
  readonly domain: Domain;
  /** Samples for the forward check and, unless `gradient` is absent, the gradient checks. */
  readonly samples: readonly Sample<O>[];
  /** Samples checked forward only (ties for comparisons, out-of-range indices, ...). */
  readonly forwardOnly?: readonly Sample<O>[];
  /** Absent when the op is not differentiable (integer outputs, indices only). */
  readonly gradient?: GradientInfo;
  /** The dtype of the outputs; the first array argument's by default. */
  outputDType?(sample: Sample<O>): DType;
  /** Terms accumulated per output element, for the forward tolerance (1 by default). */
  terms?(sample: Sample<O>): number;
  /** Binary ops: operands of different shapes, checked forward and backward. */
  readonly broadcast?: readonly Sample<O>[];
  /** Binary ops without broadcasting: shapes that must raise ShapeError. */
  readonly broadcastRejected?: readonly Sample<O>[];
  /** NaN, ±Inf, ±0 and empty arrays, checked exactly (sign of zero included). */
  readonly edge?: readonly Sample<O>[];
  /** Samples for each dtype but float32 that `dtypes` lists. */
  readonly dtypeSamples?: Partial<Record<DType, readonly Sample<O>[]>>;
  /**
   * Gradients at kinks and ties, where the derivative is undefined and MXNet's backward
   * kernels pick a value (relu'(0) = 0, ties of maximum go to the left operand, ...).
   */
  readonly kinkGradients?: readonly KinkGradient<O>[];
  /** A sample whose arrays have different dtypes: the op must raise DTypeError. */
  readonly mismatch?: Sample<O>;
  /** Bad arguments the op must refuse with a typed error whose message names the op. */
  readonly rejected?: readonly RejectedSample<O>[];
}

/** A call an op must refuse, and the MXNetError subclass it must raise. */
export interface RejectedSample<O> {
  readonly sample: Sample<O>;
  readonly error: 'ShapeError' | 'InvalidArgumentError' | 'DTypeError';
}

/** A sample at a kink and its gradients (head gradients of ones), per differentiable argument. */
export interface KinkGradient<O> {
  readonly sample: Sample<O>;
  readonly expected: readonly (readonly number[])[];
}
