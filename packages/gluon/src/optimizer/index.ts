// temporary: replaced by the optimizer branch at merge. SGD only, implementing the
// optimizer contract (docs: /work/briefs/optimizer-contract.md) so the Trainer builds.
import { InvalidArgumentError } from '@mxts/core';
import type { Optimizer } from './optimizer.js';
import { SGD } from './sgd.js';

export {
  type LRScheduler,
  Optimizer,
  type OptimizerOptions,
  type OptimizerParam,
  type OptimizerState,
} from './optimizer.js';
export { SGD, type SGDOptions } from './sgd.js';
export { getUpdater, Updater } from './updater.js';

const registry = new Map<string, new (options?: any) => Optimizer>([['sgd', SGD]]);

/** MXNet `mx.optimizer.register`. @example registerOptimizer('mysgd', MySGD); */
export function registerOptimizer(name: string, ctor: new (options?: any) => Optimizer): void {
  registry.set(name.toLowerCase(), ctor);
}

/** MXNet `mx.optimizer.create(name, **kwargs)`. @example createOptimizer('sgd', { learningRate: 0.1 }); */
export function createOptimizer(name: string, options: Record<string, unknown> = {}): Optimizer {
  const ctor = registry.get(String(name).toLowerCase());
  if (ctor === undefined) {
    throw new InvalidArgumentError(
      'optimizer.create',
      `Cannot find optimizer ${name} (registered: ${[...registry.keys()].join(', ')})`,
    );
  }
  return new ctor(options);
}
