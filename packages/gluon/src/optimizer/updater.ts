import { type DType, type HostArray, InvalidArgumentError, keep, NDArray, nd } from '@mxts/core';
import { CosineScheduler } from '../lr-scheduler/cosine-scheduler.js';
import { FactorScheduler } from '../lr-scheduler/factor-scheduler.js';
import type { LRScheduler } from '../lr-scheduler/lr-scheduler.js';
import { MultiFactorScheduler } from '../lr-scheduler/multi-factor-scheduler.js';
import { PolyScheduler } from '../lr-scheduler/poly-scheduler.js';
import { mxnetName } from '../mxnet-name.js';
import { createOptimizer, registeredName } from './create-optimizer.js';
import { type MultKey, Optimizer, type OptimizerState } from './optimizer.js';

const MAGIC = 'MXTSUPDR';
const VERSION = 1;

type Tree = null | number | Tree[];

interface ArrayEntry {
  shape: number[];
  dtype: DType;
  offset: number;
  bytes: number;
}

interface Header {
  states: [number, Tree][];
  arrays: ArrayEntry[];
  optimizer?: {
    name: string;
    config: Record<string, unknown>;
    counters: ReturnType<Optimizer['_counters']>;
    extra: Record<string, unknown>;
    lrMult: [MultKey, number][];
    wdMult: [MultKey, number][];
    lrScheduler: { type: string; fields: Record<string, unknown> } | null;
  };
}

const SCHEDULERS: Record<string, abstract new (...args: any[]) => LRScheduler> = {
  FactorScheduler,
  MultiFactorScheduler,
  PolyScheduler,
  CosineScheduler,
};

function forEachArray(state: OptimizerState, fn: (a: NDArray) => void): void {
  if (state instanceof NDArray) fn(state);
  else if (Array.isArray(state)) for (const s of state) forEachArray(s, fn);
}

function mapArrays(state: OptimizerState, fn: (a: NDArray) => NDArray): OptimizerState {
  if (state instanceof NDArray) return fn(state);
  if (Array.isArray(state)) return state.map((s) => mapArrays(s, fn));
  return null;
}

/**
 * MXNet `mx.optimizer.Updater` (what `get_updater` returns): keeps one optimizer state per
 * weight index, created on first use with `createStateMultiPrecision`, and applies
 * `updateMultiPrecision`. Python's `updater(index, grad, weight)` is {@link Updater.call}.
 * The updater owns its states: they outlive any `mx.scope` (a training step may run in one),
 * `dispose()` frees them, `setStates` frees the ones it replaces.
 *
 * `getStates` writes MXTS's own format, not a Python pickle: the ASCII magic `MXTSUPDR`, a
 * uint32 version (1) and a uint32 header length (little-endian), a UTF-8 JSON header
 * (`states`: [index, tree] where a tree is null, an array id or a list of trees; `arrays`:
 * shape, dtype, byte offset and length of each array; with `dumpOptimizer`, `optimizer`: its
 * registered name, options, update counts, lr/wd multipliers and scheduler), then the raw
 * little-endian values of every array.
 *
 * @example
 * const updater = getUpdater(createOptimizer('adam', { learningRate: 0.01 }));
 * updater.call(0, w.grad!, w);
 * const bytes = updater.getStates(true);
 */
export class Updater {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static readonly mxnetName: string = 'Updater';
  private opt: Optimizer;
  /** MXNet `states`: index -> the state `createState` gave. */
  readonly states = new Map<number, OptimizerState>();
  /** MXNet `states_synced`: false after `setStates`, until the state is moved to the weight's context. */
  readonly statesSynced = new Map<number, boolean>();

  constructor(optimizer: Optimizer) {
    if (!(optimizer instanceof Optimizer)) {
      throw new InvalidArgumentError('Updater', 'optimizer must be an Optimizer');
    }
    this.opt = optimizer;
  }

  /** MXNet `optimizer`; `setStates` with a dumped optimizer replaces it. @example updater.optimizer.learningRate */
  get optimizer(): Optimizer {
    return this.opt;
  }

  /**
   * MXNet `updater(index, grad, weight)`: creates the state of `index` on first use (or moves
   * a loaded one to the weight's context), then updates `weight` in place.
   *
   * @example
   * for (const [i, p] of params.entries()) updater.call(i, p.grad!, p);
   */
  call(index: number, grad: NDArray, weight: NDArray): void {
    const op = 'Updater.call';
    if (!Number.isInteger(index)) {
      throw new InvalidArgumentError(op, `index must be an integer, got ${String(index)}`);
    }
    if (!(grad instanceof NDArray) || !(weight instanceof NDArray)) {
      throw new InvalidArgumentError(op, 'grad and weight must be NDArrays');
    }
    this.opt.setCurrentContext(weight.context.deviceId);
    if (!this.states.has(index)) {
      // States live across steps: no mx.scope around a training step may free them.
      this.states.set(index, keep(this.opt.createStateMultiPrecision(index, weight)));
      this.statesSynced.set(index, true);
    } else if (!this.statesSynced.get(index)) {
      this.states.set(index, this.syncStateContext(this.states.get(index) ?? null, weight));
      this.statesSynced.set(index, true);
    }
    this.opt.updateMultiPrecision(index, weight, grad, this.states.get(index) ?? null);
  }

  /** MXNet `sync_state_context`: the state on the weight's context (moved arrays are freed). @example updater.syncStateContext(s, w) */
  syncStateContext(state: OptimizerState, weight: NDArray): OptimizerState {
    return mapArrays(state, (a) => {
      if (a.context.equals(weight.context)) return a;
      const moved = keep(a.copyTo(weight.context));
      a.dispose();
      return moved;
    });
  }

  /**
   * MXNet `get_states(dump_optimizer=False)`: the states (and with `dumpOptimizer` the
   * optimizer) as bytes `setStates` reads back; reads synchronously, so it needs a backend
   * with synchronous reads (`getStatesAsync` works on all).
   *
   * @example
   * const bytes = updater.getStates();
   */
  getStates(dumpOptimizer = false): Uint8Array {
    return this.encode(dumpOptimizer, (a) => a.dataSync());
  }

  /** `getStates` for any backend (WebGPU included): reads the arrays asynchronously. @example const bytes = await updater.getStatesAsync(true); */
  async getStatesAsync(dumpOptimizer = false): Promise<Uint8Array> {
    const arrays: NDArray[] = [];
    for (const s of this.states.values()) forEachArray(s, (a) => arrays.push(a));
    const values = await Promise.all(arrays.map((a) => a.data()));
    const byArray = new Map(arrays.map((a, i) => [a, values[i]]));
    return this.encode(dumpOptimizer, (a) => byArray.get(a) as HostArray);
  }

  private encode(dumpOptimizer: boolean, read: (a: NDArray) => HostArray): Uint8Array {
    const header: Header = { states: [], arrays: [] };
    const chunks: Uint8Array[] = [];
    let offset = 0;
    const toTree = (s: OptimizerState): Tree => {
      if (s instanceof NDArray) {
        const v = read(s);
        const bytes = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
        header.arrays.push({ shape: [...s.shape], dtype: s.dtype, offset, bytes: bytes.length });
        chunks.push(bytes);
        offset += bytes.length;
        return header.arrays.length - 1;
      }
      if (Array.isArray(s)) return s.map(toTree);
      return null;
    };
    for (const [i, s] of this.states) header.states.push([i, toTree(s)]);
    if (dumpOptimizer) header.optimizer = dumpOptimizerState(this.opt);
    const json = new TextEncoder().encode(JSON.stringify(header));
    const start = 16 + json.length;
    const out = new Uint8Array(start + offset);
    out.set(new TextEncoder().encode(MAGIC), 0);
    const view = new DataView(out.buffer);
    view.setUint32(8, VERSION, true);
    view.setUint32(12, json.length, true);
    out.set(json, 16);
    let at = start;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }

  /**
   * MXNet `set_states(states)`: loads what `getStates` wrote, replacing (and freeing) the
   * current states; a dumped optimizer replaces `optimizer` (its `paramDict` is empty, as
   * MXNet's, for the Trainer to set). States are created on the current context and moved to
   * each weight's context on its next update.
   *
   * @example
   * updater.setStates(bytes);
   */
  setStates(bytes: Uint8Array): void {
    const op = 'Updater.setStates';
    if (!(bytes instanceof Uint8Array) || bytes.length < 16) {
      throw new InvalidArgumentError(op, 'expects the bytes Updater.getStates wrote');
    }
    if (new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC) {
      throw new InvalidArgumentError(
        op,
        `not an MXTS updater state (no '${MAGIC}' magic); use the bytes Updater.getStates wrote`,
      );
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const version = view.getUint32(8, true);
    if (version !== VERSION) {
      throw new InvalidArgumentError(op, `unknown state format version ${version}`);
    }
    const len = view.getUint32(12, true);
    let header: Header;
    try {
      header = JSON.parse(new TextDecoder().decode(bytes.subarray(16, 16 + len))) as Header;
    } catch {
      throw new InvalidArgumentError(op, 'the state header is not valid JSON (truncated bytes?)');
    }
    const start = 16 + len;
    for (const e of header.arrays) {
      if (start + e.offset + e.bytes > bytes.length) {
        throw new InvalidArgumentError(op, 'the state bytes are truncated');
      }
    }
    const optimizer = header.optimizer ? restoreOptimizer(header.optimizer) : this.opt;
    const created: NDArray[] = [];
    const fromTree = (t: Tree): OptimizerState => {
      if (typeof t === 'number') {
        const e = header.arrays[t];
        const raw = bytes.slice(start + e.offset, start + e.offset + e.bytes).buffer;
        const values =
          e.dtype === 'float64'
            ? new Float64Array(raw)
            : e.dtype === 'int32'
              ? new Int32Array(raw)
              : new Float32Array(raw);
        const a = keep(nd.array(values, { shape: e.shape, dtype: e.dtype }));
        created.push(a);
        return a;
      }
      if (Array.isArray(t)) return t.map(fromTree);
      return null;
    };
    const states = header.states.map(([i, t]) => [i, fromTree(t)] as const);
    this.disposeStates();
    for (const [i, s] of states) {
      this.states.set(i, s);
      this.statesSynced.set(i, false);
    }
    this.opt = optimizer;
  }

  /** Frees every state array; the updater starts afresh. @example updater.dispose() */
  dispose(): void {
    this.disposeStates();
  }

  private disposeStates(): void {
    for (const s of this.states.values()) forEachArray(s, (a) => a.dispose());
    this.states.clear();
    this.statesSynced.clear();
  }
}

function dumpOptimizerState(opt: Optimizer): NonNullable<Header['optimizer']> {
  const op = 'Updater.getStates';
  const name = registeredName(opt);
  if (name === undefined) {
    throw new InvalidArgumentError(
      op,
      `${mxnetName(opt)} is not registered; registerOptimizer it to dump the optimizer`,
    );
  }
  let lrScheduler: { type: string; fields: Record<string, unknown> } | null = null;
  if (opt.lrScheduler !== null) {
    const type = mxnetName(opt.lrScheduler);
    if (SCHEDULERS[type] !== opt.lrScheduler.constructor) {
      throw new InvalidArgumentError(
        op,
        `cannot dump the scheduler ${type}; only FactorScheduler, MultiFactorScheduler, PolyScheduler and CosineScheduler are written`,
      );
    }
    lrScheduler = { type, fields: { ...opt.lrScheduler } };
  }
  return {
    name,
    config: opt.getConfig(),
    counters: opt._counters(),
    extra: opt._extraState(),
    lrMult: [...opt.lrMult],
    wdMult: [...opt.wdMult],
    lrScheduler,
  };
}

function restoreOptimizer(d: NonNullable<Header['optimizer']>): Optimizer {
  let scheduler: LRScheduler | null = null;
  if (d.lrScheduler !== null) {
    const ctor = SCHEDULERS[d.lrScheduler.type];
    if (ctor === undefined) {
      throw new InvalidArgumentError(
        'Updater.setStates',
        `unknown scheduler ${d.lrScheduler.type}`,
      );
    }
    scheduler = Object.assign(Object.create(ctor.prototype), d.lrScheduler.fields);
  }
  const opt = createOptimizer(d.name, { ...d.config, lrScheduler: scheduler });
  // As unpickling, which runs no constructor: undo the constructor's baseLr overwrite.
  if (scheduler !== null && d.lrScheduler !== null) Object.assign(scheduler, d.lrScheduler.fields);
  opt._setCounters(d.counters);
  opt._setExtraState(d.extra ?? {});
  opt.lrMult = new Map(d.lrMult);
  opt.wdMult = new Map(d.wdMult);
  return opt;
}

/**
 * MXNet `mx.optimizer.get_updater(optimizer)`: an {@link Updater} for the optimizer.
 *
 * @example
 * const updater = getUpdater(new SGD({ learningRate: 0.1 }));
 */
export function getUpdater(optimizer: Optimizer): Updater {
  return new Updater(optimizer);
}
