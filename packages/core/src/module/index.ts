/**
 * MXNet's `mx.mod` (`mxnet.module`): `Module`, which binds a symbol, initializes its
 * parameters (through `mx.init`), runs it forward, and trains it (backward, update, fit).
 *
 * @example
 * const mod = new mx.mod.Module(net, { labelNames: null });
 * mod.bind({ dataShapes: [['data', [1, 3]]] });
 * mod.initParams();
 */
export {
  type BindOptions,
  type DataBatch,
  type DataShapes,
  type FitOptions,
  type ForwardOptions,
  type InitOptimizerOptions,
  type InitParamsOptions,
  Module,
  type ModuleOptions,
  type SetParamsOptions,
} from './module.js';
export type { SGDParams } from './sgd-updater.js';
