import { InvalidArgumentError } from '@mxts/core';
import { AdaDelta } from './ada-delta.js';
import { AdaGrad } from './ada-grad.js';
import { Adam } from './adam.js';
import { Adamax } from './adamax.js';
import { FTML } from './ftml.js';
import { Ftrl } from './ftrl.js';
import { LAMB } from './lamb.js';
import { Nadam } from './nadam.js';
import { NAG } from './nag.js';
import type { Optimizer } from './optimizer.js';
import { RMSProp } from './rmsprop.js';
import { SGD } from './sgd.js';
import { SGLD } from './sgld.js';
import { Signum } from './signum.js';

/** A class `createOptimizer` can build: it takes the camelCase options object. */
export type OptimizerClass = new (options?: any) => Optimizer;

// MXNet's `Optimizer.opt_registry`, keyed by lower-case name.
const registry = new Map<string, OptimizerClass>([
  ['sgd', SGD],
  ['nag', NAG],
  ['adam', Adam],
  ['rmsprop', RMSProp],
  ['adagrad', AdaGrad],
  ['adadelta', AdaDelta],
  ['adamax', Adamax],
  ['nadam', Nadam],
  ['signum', Signum],
  ['ftml', FTML],
  ['ftrl', Ftrl],
  ['sgld', SGLD],
  ['lamb', LAMB],
]);

/**
 * MXNet `mx.optimizer.register`: makes `ctor` available to `createOptimizer(name)` (case
 * insensitive) and to `Trainer`'s optimizer name. A name registered again is replaced, as
 * MXNet does (it also warns).
 *
 * @example
 * class MyOptimizer extends Optimizer { update() {} }
 * registerOptimizer('myoptimizer', MyOptimizer);
 * createOptimizer('MyOptimizer');
 */
export function registerOptimizer(name: string, ctor: OptimizerClass): void {
  if (typeof name !== 'string' || name === '') {
    throw new InvalidArgumentError('registerOptimizer', 'name must be a non-empty string');
  }
  if (typeof ctor !== 'function') {
    throw new InvalidArgumentError('registerOptimizer', `ctor must be an Optimizer class`);
  }
  registry.set(name.toLowerCase(), ctor);
}

/**
 * MXNet `mx.optimizer.create(name, **kwargs)` (`Optimizer.create_optimizer`): the optimizer
 * registered as `name` (case insensitive: 'sgd', 'nag', 'adam', 'rmsprop', 'adagrad',
 * 'adadelta', 'adamax', 'nadam', 'signum', 'ftml', 'ftrl', 'sgld', 'lamb', or one added with `registerOptimizer`), built with the camelCase options.
 * An unknown name raises `InvalidArgumentError` listing the registered ones.
 *
 * @example
 * const opt = createOptimizer('sgd', { learningRate: 0.1, momentum: 0.9 });
 */
export function createOptimizer(name: string, options: Record<string, unknown> = {}): Optimizer {
  const ctor = typeof name === 'string' ? registry.get(name.toLowerCase()) : undefined;
  if (ctor === undefined) {
    throw new InvalidArgumentError(
      'createOptimizer',
      `Cannot find optimizer ${String(name)}; the registered optimizers are ${[...registry.keys()].sort().join(', ')}`,
    );
  }
  return new ctor(options);
}

/** @internal The registered name of an optimizer's class, for `Updater.getStates(true)`. */
export function registeredName(optimizer: Optimizer): string | undefined {
  for (const [name, ctor] of registry) if (optimizer.constructor === ctor) return name;
  return undefined;
}
