/**
 * MXNet's `gluon.nn`: layers and containers.
 *
 * @example
 * const net = new gluon.nn.HybridSequential();
 * net.add(new gluon.nn.Dense(64, { activation: 'relu' }), new gluon.nn.Dropout(0.2), new gluon.nn.Dense(10));
 */
export { Activation } from './activation.js';
export { Dense, type DenseOptions } from './dense.js';
export { Dropout, type DropoutOptions } from './dropout.js';
export { ELU } from './elu.js';
export { Flatten } from './flatten.js';
export { HybridLambda } from './hybrid-lambda.js';
export { HybridSequential } from './hybrid-sequential.js';
export { Lambda } from './lambda.js';
export { LeakyReLU } from './leaky-relu.js';
export { Sequential } from './sequential.js';
