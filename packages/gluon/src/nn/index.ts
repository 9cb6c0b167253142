/**
 * MXNet's `gluon.nn`: layers and containers.
 *
 * @example
 * const net = new gluon.nn.HybridSequential();
 * net.add(new gluon.nn.Conv2D(6, 5, { activation: 'relu' }), new gluon.nn.MaxPool2D(2, { strides: 2 }));
 * net.add(new gluon.nn.Dense(64, { activation: 'relu' }), new gluon.nn.Dropout(0.2), new gluon.nn.Dense(10));
 */
export { Activation } from './activation.js';
export { AvgPool1D } from './avg-pool-1d.js';
export { AvgPool2D } from './avg-pool-2d.js';
export { BatchNorm, type BatchNormOptions } from './batch-norm.js';
export type { ConvOptions } from './conv.js';
export { Conv1D } from './conv-1d.js';
export { Conv2D } from './conv-2d.js';
export { Dense, type DenseOptions } from './dense.js';
export { Dropout, type DropoutOptions } from './dropout.js';
export { ELU } from './elu.js';
export { Embedding, type EmbeddingOptions } from './embedding.js';
export { Flatten } from './flatten.js';
export { GlobalAvgPool1D } from './global-avg-pool-1d.js';
export { GlobalAvgPool2D } from './global-avg-pool-2d.js';
export { GlobalMaxPool1D } from './global-max-pool-1d.js';
export { GlobalMaxPool2D } from './global-max-pool-2d.js';
export { HybridLambda } from './hybrid-lambda.js';
export { HybridSequential } from './hybrid-sequential.js';
export { InstanceNorm, type InstanceNormOptions } from './instance-norm.js';
export { Lambda } from './lambda.js';
export { LayerNorm, type LayerNormOptions } from './layer-norm.js';
export { LeakyReLU } from './leaky-relu.js';
export { MaxPool1D } from './max-pool-1d.js';
export { MaxPool2D } from './max-pool-2d.js';
export type { AvgPoolOptions, GlobalPoolOptions, PoolOptions } from './pooling.js';
export { Sequential } from './sequential.js';
