// temporary: replaced by the optimizer branch at merge.
import { type DType, InvalidArgumentError, keep, NDArray, nd } from '@mxts/core';
import type { Optimizer, OptimizerState } from './optimizer.js';

interface StateJson {
  shape: number[];
  dtype: DType;
  data: number[];
}

type NestJson = StateJson | null | NestJson[];

function toJson(s: OptimizerState): NestJson {
  if (s === null) return null;
  if (s instanceof NDArray)
    return { shape: [...s.shape], dtype: s.dtype, data: Array.from(s.dataSync()) };
  return (s as readonly OptimizerState[]).map(toJson);
}

function fromJson(j: NestJson): OptimizerState {
  if (j === null) return null;
  if (Array.isArray(j)) return j.map(fromJson);
  return keep(nd.array(j.data, { dtype: j.dtype }).reshape(j.shape));
}

function disposeState(s: OptimizerState): void {
  if (s === null) return;
  if (s instanceof NDArray) s.dispose();
  else for (const x of s as readonly OptimizerState[]) disposeState(x);
}

/**
 * MXNet `mx.optimizer.Updater`: one state per index, created on first use.
 * States serialize as UTF-8 JSON `{ states: {index: {shape, dtype, data}}, counts, numUpdate }`.
 * @example const u = getUpdater(createOptimizer('sgd')); u.call(0, grad, weight);
 */
export class Updater {
  readonly states = new Map<number, OptimizerState>();

  constructor(public optimizer: Optimizer) {}

  call(index: number, grad: NDArray, weight: NDArray): void {
    if (!this.states.has(index)) {
      this.states.set(index, this.optimizer.createStateMultiPrecision(index, weight));
    }
    this.optimizer.updateMultiPrecision(index, weight, grad, this.states.get(index)!);
  }

  getStates(_dumpOptimizer = false): Uint8Array {
    const states: Record<string, NestJson> = {};
    for (const [k, v] of this.states) states[k] = toJson(v);
    const o = this.optimizer;
    const body = {
      states,
      counts: [...o.indexUpdateCount],
      numUpdate: o.numUpdate,
      lr: o.lr,
    };
    return new TextEncoder().encode(JSON.stringify(body));
  }

  setStates(bytes: Uint8Array): void {
    let body: {
      states: Record<string, NestJson>;
      counts: [number, number][];
      numUpdate: number;
      lr: number;
    };
    try {
      body = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      throw new InvalidArgumentError(
        'Updater.setStates',
        'the bytes are not states getStates wrote',
      );
    }
    this.dispose();
    for (const [k, v] of Object.entries(body.states)) this.states.set(Number(k), fromJson(v));
    this.optimizer.indexUpdateCount = new Map(body.counts);
    this.optimizer.numUpdate = body.numUpdate;
    this.optimizer.lr = body.lr;
  }

  dispose(): void {
    for (const s of this.states.values()) disposeState(s);
    this.states.clear();
  }
}

/** MXNet `mx.optimizer.get_updater(optimizer)`. @example const u = getUpdater(opt); */
export function getUpdater(optimizer: Optimizer): Updater {
  return new Updater(optimizer);
}
