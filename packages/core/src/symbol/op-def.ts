import type { NDArray } from '../ndarray/ndarray.js';
import type { Attrs } from './attrs.js';

/** A shape, or null while unknown (shape inference). */
export type MaybeShape = readonly number[] | null;

/** What an op's forward needs besides its inputs. */
export interface ForwardContext {
  /** Training mode (BatchNorm uses batch statistics and updates its moving averages). */
  readonly isTrain: boolean;
  /** The node's name, for error messages. */
  readonly name: string;
}

/**
 * What MXTS knows about a symbolic operator: nnvm's `FListInputNames`,
 * `FListOutputNames`, `FMutateInputs` (auxiliary states), `FNumVisibleOutputs`,
 * `FSetInputVarAttrOnCompose`, `FInferShape` and a forward computed with `mx.nd` ops.
 * @internal
 */
export interface OpDef {
  /** The registered operator name written in symbol JSON (`FullyConnected`, `elemwise_add`). */
  readonly op: string;
  /** The auto-naming hint (`fullyconnected`, `_plus`). */
  readonly hint: string;
  /** Names of the inputs, in order. */
  inputNames(attrs: Attrs): string[];
  /** Indices of the inputs that are auxiliary states (written by the op). */
  auxInputs?(attrs: Attrs): readonly number[];
  /** Names of all outputs (`['output']`, or `['output', 'mean', 'var']`). */
  outputNames(attrs: Attrs): string[];
  /** How many outputs a composed symbol exposes (all by default). */
  numVisibleOutputs?(attrs: Attrs): number;
  /** Sets attributes (`__init__`) on a variable feeding input `index`. */
  setInputVarAttrs?(attrs: Attrs, index: number, varAttrs: Record<string, string>): void;
  /**
   * Fills in unknown input and output shapes from the known ones; throws ShapeError on an
   * inconsistency it detects itself.
   */
  inferShape(
    attrs: Attrs,
    inputs: readonly MaybeShape[],
    outputs: readonly MaybeShape[],
    name: string,
  ): { inputs: MaybeShape[]; outputs: MaybeShape[] };
  /** Computes the outputs (all of them), writing auxiliary states in place when it must. */
  forward(attrs: Attrs, inputs: readonly NDArray[], ctx: ForwardContext): NDArray[];
}
