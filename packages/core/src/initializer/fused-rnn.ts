import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { concat } from '../ops/concat.js';
import { reshape } from '../ops/reshape.js';
import { sliceAxis } from '../ops/slice-axis.js';
import { InitDesc } from './init-desc.js';
import { Initializer } from './initializer.js';
import { isPlainObject, readOptions } from './options.js';
import { type PyFloat, type PyNumber, pyNumber, toNumber } from './py-float.js';
import { pyJsonLoads } from './py-json.js';

/** The RNN modes of MXNet's fused RNN, with their gate suffixes. */
const GATES: Record<string, readonly string[]> = {
  rnn_relu: [''],
  rnn_tanh: [''],
  lstm: ['_i', '_f', '_c', '_o'],
  gru: ['_r', '_z', '_o'],
};

/** MXNet's `mode` of a fused RNN layer (and of {@link FusedRNN}). */
export type FusedRNNMode = 'rnn_relu' | 'rnn_tanh' | 'lstm' | 'gru';

/** Options of {@link FusedRNN}. */
export interface FusedRNNOptions {
  /** Initializer of the unpacked weights; null falls back to the global initializer. */
  init?: Initializer | null;
  /** Hidden size, as given to the fused RNN cell. */
  numHidden: PyNumber;
  /** Number of layers. */
  numLayers: PyNumber;
  /** `'rnn_relu'`, `'rnn_tanh'`, `'lstm'` or `'gru'`. */
  mode: FusedRNNMode;
  /** Bidirectional layers; default false. */
  bidirectional?: boolean;
  /** Added to both LSTM forget-gate biases (so the effective bias is twice it); default 1.0. */
  forgetBias?: PyNumber;
}

/** One named piece of the packed parameter vector (`FusedRNNCell._slice_weights`). */
interface Piece {
  name: string;
  offset: number;
  shape: number[];
}

/**
 * MXNet 1.9.1 `mx.init.FusedRNN(init, num_hidden, num_layers, mode, bidirectional=False,
 * forget_bias=1.0)`: initializes the single packed parameter vector of a fused RNN layer.
 * It unpacks it into per-gate pieces named `{l|r}{layer}_{i2h|h2h}{gate}_{weight|bias}` (all
 * weights, then all biases), initializes each piece by name with `init` (or the global
 * initializer) — LSTM forget-gate biases get `forgetBias` — and packs them back. Draws
 * happen in piece order, as in MXNet.
 *
 * A string `init` fails as in MXNet 1.9.1 (a registry bug); pass an Initializer or null.
 *
 * @example
 * const init = new mx.init.FusedRNN(new mx.init.Xavier(), { numHidden: 10, numLayers: 2, mode: 'lstm' });
 * mx.sym.Variable('rnn_parameters', { init }); // as the fused layer's parameter initializer
 * new mx.init.FusedRNN(null, 10, 2, 'lstm').dumps();
 * // '["fusedrnn", {"init": null, "num_hidden": 10, "num_layers": 2, "mode": "lstm", "bidirectional": false, "forget_bias": 1.0}]'
 */
export class FusedRNN extends Initializer {
  static override readonly mxnetName: string = 'FusedRNN';

  /** The weights' initializer (MXNet's `self._init`). */
  readonly init: Initializer | null;
  /** Hidden size (MXNet's `self._num_hidden`). */
  readonly numHidden: number;
  /** Number of layers (MXNet's `self._num_layers`). */
  readonly numLayers: number;
  /** `'rnn_relu'`, `'rnn_tanh'`, `'lstm'` or `'gru'` (MXNet's `self._mode`). */
  readonly mode: FusedRNNMode;
  /** Bidirectional layers (MXNet's `self._bidirectional`). */
  readonly bidirectional: boolean;
  /** LSTM forget-gate bias (MXNet's `self._forget_bias`). */
  readonly forgetBias: number;

  constructor(options: FusedRNNOptions);
  constructor(
    init: Initializer | string | null,
    numHidden: PyNumber,
    numLayers: PyNumber,
    mode: FusedRNNMode,
    bidirectional?: boolean,
    forgetBias?: PyNumber,
  );
  constructor(
    first: Initializer | string | null | FusedRNNOptions,
    numHidden?: PyNumber,
    numLayers?: PyNumber,
    mode?: FusedRNNMode,
    bidirectional?: boolean,
    forgetBias?: PyNumber,
  ) {
    const o = isPlainObject(first)
      ? readOptions('FusedRNN', first, [
          'init',
          'numHidden',
          'numLayers',
          'mode',
          'bidirectional',
          'forgetBias',
        ])
      : { init: first, numHidden, numLayers, mode, bidirectional, forgetBias };
    const init = o.init ?? null;
    if (typeof init === 'string') {
      // MXNet 1.9.1: json.loads(init), then registry._REGISTRY[klass.lower()], a registry
      // keyed by base class: every string fails.
      let klass: unknown;
      try {
        klass = (pyJsonLoads(init) as unknown[])[0];
      } catch {
        throw new InvalidArgumentError(
          'FusedRNN',
          `JSONDecodeError: init '${init}' is not JSON (pass an Initializer instance or null)`,
        );
      }
      throw new InvalidArgumentError(
        'FusedRNN',
        `KeyError: '${String(klass).toLowerCase()}' (MXNet 1.9.1 looks a string init up in the wrong registry; pass an Initializer instance or null)`,
      );
    }
    if (init !== null && !(init instanceof Initializer)) {
      throw new InvalidArgumentError('FusedRNN', 'init must be an Initializer or null');
    }
    for (const [k, v] of [
      ['numHidden', o.numHidden],
      ['numLayers', o.numLayers],
      ['mode', o.mode],
    ] as const) {
      if (v === undefined) {
        throw new InvalidArgumentError('FusedRNN', `missing required argument '${k}'`);
      }
    }
    const nh = pyNumber('FusedRNN', 'num_hidden', o.numHidden, 'int');
    const nl = pyNumber('FusedRNN', 'num_layers', o.numLayers, 'int');
    const bi = Boolean(o.bidirectional ?? false);
    const fb: bigint | PyFloat = pyNumber('FusedRNN', 'forget_bias', o.forgetBias ?? 1.0, 'float');
    super({
      init: init !== null ? init.dumps() : null,
      num_hidden: nh,
      num_layers: nl,
      mode: String(o.mode),
      bidirectional: bi,
      forget_bias: fb,
    });
    this.init = init as Initializer | null;
    this.numHidden = toNumber(nh);
    this.numLayers = toNumber(nl);
    this.mode = String(o.mode) as FusedRNNMode;
    this.bidirectional = bi;
    this.forgetBias = toNumber(fb);
  }

  /** `FusedRNNCell._slice_weights`: the pieces of a packed vector, in MXNet's order. */
  private pieces(numInput: number): { pieces: Piece[]; total: number } {
    const gates = GATES[this.mode];
    if (gates === undefined) {
      throw new InvalidArgumentError(
        this.className,
        `KeyError: '${this.mode}' (mode must be one of ${Object.keys(GATES).join(', ')})`,
      );
    }
    const dirs = this.bidirectional ? ['l', 'r'] : ['l'];
    const b = dirs.length;
    const lh = this.numHidden;
    const pieces: Piece[] = [];
    let p = 0;
    const add = (name: string, shape: number[]): void => {
      pieces.push({ name, offset: p, shape });
      p += shape.reduce((x, y) => x * y, 1);
    };
    for (let layer = 0; layer < this.numLayers; layer++) {
      for (const d of dirs) {
        for (const g of gates) {
          add(`${d}${layer}_i2h${g}_weight`, layer > 0 ? [lh, b * lh] : [lh, numInput]);
        }
        for (const g of gates) add(`${d}${layer}_h2h${g}_weight`, [lh, lh]);
      }
    }
    for (let layer = 0; layer < this.numLayers; layer++) {
      for (const d of dirs) {
        for (const g of gates) add(`${d}${layer}_i2h${g}_bias`, [lh]);
        for (const g of gates) add(`${d}${layer}_h2h${g}_bias`, [lh]);
      }
    }
    return { pieces, total: p };
  }

  override _initWeight(desc: InitDesc | string | null, arr: NDArray): void {
    const gates = GATES[this.mode];
    const b = this.bidirectional ? 2 : 1;
    const h = this.numHidden;
    const m = gates?.length ?? 1;
    const size = arr.size;
    // unpack_weights: num_input = size//b//h//m - (L-1)*(h+b*h+2) - h - 2
    const numInput =
      Math.floor(Math.floor(Math.floor(size / b) / h) / m) -
      (this.numLayers - 1) * (h + b * h + 2) -
      h -
      2;
    const { pieces, total } = this.pieces(numInput);
    if (total !== size || numInput <= 0) {
      throw new InvalidArgumentError(
        this.className,
        `Invalid parameters size for FusedRNNCell (got ${size} values for mode '${this.mode}', numHidden ${h}, numLayers ${this.numLayers}${this.bidirectional ? ', bidirectional' : ''})`,
      );
    }
    if (!(desc instanceof InitDesc)) {
      throw new InvalidArgumentError(
        this.className,
        `AttributeError: 'str' object has no attribute 'global_init' (FusedRNN needs an mx.init.InitDesc, e.g. as a Variable's init)`,
      );
    }
    const globalInit = desc.globalInit;
    const flat = reshape(arr, { shape: [size] });
    const parts: NDArray[] = [];
    try {
      for (const piece of pieces) {
        const n = piece.shape.reduce((x, y) => x * y, 1);
        const s = sliceAxis(flat, { axis: 0, begin: piece.offset, end: piece.offset + n });
        const part = reshape(s, { shape: piece.shape });
        s.dispose();
        parts.push(part);
        const argDesc = new InitDesc(piece.name, null, globalInit);
        if (this.mode === 'lstm' && piece.name.endsWith('_f_bias')) part.set(this.forgetBias);
        else if (this.init === null) {
          if (globalInit === null) {
            throw new InvalidArgumentError(
              this.className,
              `no global initializer to initialize ${piece.name} with (pass init, or apply FusedRNN through another initializer)`,
            );
          }
          globalInit.apply(argDesc, part);
        } else this.init.apply(argDesc, part);
      }
      const flats = parts.map((p) => reshape(p, { shape: [p.size] }));
      const packed = concat(flats, { dim: 0 });
      for (const f of flats) f.dispose();
      const shaped = reshape(packed, { shape: arr.shape });
      packed.dispose();
      try {
        arr.set(shaped);
      } finally {
        shaped.dispose();
      }
    } finally {
      flat.dispose();
      for (const p of parts) p.dispose();
    }
  }
}
