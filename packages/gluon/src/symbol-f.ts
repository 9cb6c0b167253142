import { InvalidArgumentError, type Symbol as MxSymbol, type nd, sym } from '@mxts/core';

type Nd = typeof nd;

function unsupported(op: string): never {
  throw new InvalidArgumentError(
    'HybridBlock.export',
    `F.${op} has no symbolic form in MXTS's mx.sym yet (it has FullyConnected, Convolution, Pooling, BatchNorm, LayerNorm, Embedding, Dropout, Flatten, Activation, LeakyReLU, relu, sigmoid, tanh and arithmetic); export a model built from those`,
  );
}

/**
 * The `F` a HybridBlock's `hybridForward` gets when it runs on Symbols (for `export`):
 * `mx.sym`'s ops behind `mx.nd`'s signatures, so one `hybridForward` serves both, as in
 * MXNet. Ops without a symbolic form in core raise a typed error naming the op.
 * @internal
 */
export const symbolF = new Proxy(
  {
    FullyConnected(
      data: MxSymbol,
      weight: MxSymbol,
      bias: MxSymbol | null,
      options: { numHidden: number; noBias?: boolean; flatten?: boolean; name?: string },
    ): MxSymbol {
      const o: Parameters<typeof sym.FullyConnected>[1] = {
        numHidden: options.numHidden,
        noBias: options.noBias ?? bias === null,
        flatten: options.flatten ?? true,
        weight,
        name: options.name ?? 'fwd',
      };
      if (bias !== null) o.bias = bias;
      return sym.FullyConnected(data, o);
    },
    Activation(
      data: MxSymbol,
      options: { actType: 'relu' | 'sigmoid' | 'tanh' | 'softrelu' | 'softsign'; name?: string },
    ) {
      return sym.Activation(data, { actType: options.actType, name: options.name ?? 'fwd' });
    },
    relu: (x: MxSymbol) => sym.Activation(x, { actType: 'relu', name: 'fwd' }),
    sigmoid: (x: MxSymbol) => sym.Activation(x, { actType: 'sigmoid', name: 'fwd' }),
    tanh: (x: MxSymbol) => sym.Activation(x, { actType: 'tanh', name: 'fwd' }),
    // Gluon's layers name their op node 'fwd' (LayerNorm and flatten take the auto name).
    Convolution(
      data: MxSymbol,
      weight: MxSymbol,
      bias: MxSymbol | null,
      options: Omit<Parameters<typeof sym.Convolution>[1], 'weight' | 'bias'>,
    ): MxSymbol {
      const o: Parameters<typeof sym.Convolution>[1] = {
        ...options,
        noBias: options.noBias ?? bias === null,
        weight,
        name: options.name ?? 'fwd',
      };
      if (bias !== null) o.bias = bias;
      return sym.Convolution(data, o);
    },
    Pooling: (data: MxSymbol, options: Parameters<typeof sym.Pooling>[1] = {}) =>
      sym.Pooling(data, { ...options, name: options.name ?? 'fwd' }),
    BatchNorm: (
      data: MxSymbol,
      gamma: MxSymbol,
      beta: MxSymbol,
      movingMean: MxSymbol,
      movingVar: MxSymbol,
      options: Parameters<typeof sym.BatchNorm>[1] = {},
    ) =>
      sym.BatchNorm(data, {
        ...options,
        gamma,
        beta,
        movingMean,
        movingVar,
        name: options.name ?? 'fwd',
      }),
    LayerNorm: (
      data: MxSymbol,
      gamma: MxSymbol,
      beta: MxSymbol,
      options: Parameters<typeof sym.LayerNorm>[1] = {},
    ) => sym.LayerNorm(data, { ...options, gamma, beta }),
    Embedding: (data: MxSymbol, weight: MxSymbol, options: Parameters<typeof sym.Embedding>[1]) =>
      sym.Embedding(data, {
        // Gluon's Embedding passes dtype and sparse_grad to the op.
        dtype: 'float32',
        sparseGrad: false,
        ...options,
        weight,
        name: options.name ?? 'fwd',
      }),
    Dropout: (data: MxSymbol, options: Parameters<typeof sym.Dropout>[1] = {}) =>
      sym.Dropout(data, { cudnnOff: false, ...options, name: options.name ?? 'fwd' }),
    flatten: (data: MxSymbol) => sym.Flatten(data),
    Flatten: (data: MxSymbol) => sym.Flatten(data),
    LeakyReLU(
      data: MxSymbol,
      options: { actType?: 'leaky' | 'elu'; slope?: number; name?: string },
    ) {
      return sym.LeakyReLU(data, {
        actType: options.actType ?? 'leaky',
        slope: options.slope ?? 0.25,
        name: options.name ?? 'fwd',
      });
    },
  } as Record<string, unknown>,
  {
    get(target, key) {
      if (typeof key === 'string' && !(key in target)) return () => unsupported(key);
      return target[key as string];
    },
  },
) as unknown as Nd;
