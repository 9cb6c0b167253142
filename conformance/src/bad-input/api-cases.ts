import * as mx from '@mxts/core';
import type { BadInputSpec } from './bad-input-case.js';

/** Node (or another runtime with Node's `fs`): file errors are FileAccessError there. */
const HAS_FS =
  (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node !==
  undefined;

const { nd, autograd, init, sym, random } = mx;
const IAE = mx.InvalidArgumentError;
const TooLarge = mx.ArrayTooLargeError;

/** y = 2x under record, for the head-gradient cases. */
function recorded(shape: number[]): { x: mx.NDArray; y: mx.NDArray } {
  const x = nd.ones(shape);
  x.attachGrad();
  const y = autograd.record(() => x.mul(2));
  return { x, y };
}

function fcModule(): mx.mod.Module {
  const fc = sym.FullyConnected(sym.Variable('data'), { numHidden: 2, name: 'fc' });
  return new mx.mod.Module(fc, { labelNames: [] });
}

// A tiny MXNet NDArray file header: list magic 0x112, reserved 0, then a count.
function header(count: bigint): Uint8Array {
  const b = new Uint8Array(24);
  const v = new DataView(b.buffer);
  v.setBigUint64(0, 0x112n, true);
  v.setBigUint64(8, 0n, true);
  v.setBigUint64(16, count, true);
  return b;
}

/** Autograd, initializers, random, symbol, module and files (issue 16 themes 2-4). */
export const apiSpecs: BadInputSpec[] = [
  // autograd
  {
    name: 'backward-head-grad-broadcastable-not-same-shape',
    theme: 3,
    error: mx.ShapeError,
    op: 'backward',
    arg: 'headGrads',
    call: () => {
      const { y } = recorded([2, 3]);
      autograd.backward(y, nd.ones([1, 3]));
    },
  },
  {
    name: 'ndarray-backward-out-grad-wrong-shape',
    theme: 4,
    error: mx.ShapeError,
    op: 'backward',
    call: () => {
      const { y } = recorded([3]);
      y.backward(nd.ones([1]));
    },
  },
  {
    name: 'grad-head-grad-wrong-shape',
    theme: 4,
    error: mx.ShapeError,
    op: 'grad',
    arg: 'headGrads',
    call: () => {
      const { x, y } = recorded([3]);
      autograd.grad(y, [x], { headGrads: [nd.ones([3, 1])] });
    },
  },
  {
    name: 'backward-head-grad-dtype',
    theme: 3,
    error: mx.DTypeError,
    op: 'backward',
    arg: 'headGrads',
    call: () => {
      const { y } = recorded([3]);
      autograd.backward(y, nd.ones([3], { dtype: 'int32' }));
    },
  },
  {
    name: 'backward-head-grad-string',
    theme: 2,
    error: IAE,
    op: 'backward',
    arg: 'headGrads',
    call: () => {
      const { y } = recorded([3]);
      autograd.backward([y], ['a' as never]);
    },
  },
  {
    name: 'backward-head-grads-length',
    theme: 3,
    error: IAE,
    op: 'backward',
    arg: 'headGrads',
    call: () => {
      const { y } = recorded([3]);
      autograd.backward([y], [nd.ones([3]), nd.ones([3])]);
    },
  },
  {
    name: 'backward-heads-string',
    theme: 2,
    error: IAE,
    op: 'backward',
    arg: 'heads',
    call: () => autograd.backward(['a' as never]),
  },
  {
    name: 'grad-empty-variables',
    theme: 3,
    error: IAE,
    op: 'grad',
    arg: 'variables',
    call: () => autograd.grad(recorded([2]).y, []),
  },
  {
    name: 'backward-not-recorded',
    theme: 3,
    error: mx.NotInGraphError,
    op: 'graph',
    call: () => nd.ones([2]).backward(),
  },
  // initializers
  {
    name: 'Constant-no-value',
    theme: 2,
    error: IAE,
    op: 'Constant',
    arg: 'value',
    call: () => new init.Constant(undefined as never),
  },
  {
    name: 'Constant-string-value',
    theme: 2,
    error: IAE,
    op: 'Constant',
    arg: 'value',
    call: () => new init.Constant('a' as never),
  },
  {
    name: 'Constant-options-without-value',
    theme: 2,
    error: IAE,
    op: 'Constant',
    arg: 'value',
    call: () => new init.Constant({} as never),
  },
  {
    name: 'Constant-list-with-string',
    theme: 2,
    error: IAE,
    op: 'Constant',
    arg: 'value',
    call: () => new init.Constant([1, 'a'] as never),
  },
  {
    name: 'Mixed-invalid-regex',
    theme: 2,
    error: IAE,
    op: 'Mixed',
    arg: 'patterns[0]',
    call: () => new init.Mixed(['('], [new init.Zero()]),
  },
  {
    name: 'Mixed-invalid-regex-second',
    theme: 2,
    error: IAE,
    op: 'Mixed',
    arg: 'patterns[1]',
    call: () => new init.Mixed(['.*', '[a-'], [new init.Zero(), new init.One()]),
  },
  {
    name: 'Mixed-length-mismatch',
    theme: 3,
    error: IAE,
    op: 'Mixed',
    call: () => new init.Mixed(['a', 'b'], [new init.Zero()]),
  },
  {
    name: 'Mixed-not-an-initializer',
    theme: 2,
    error: IAE,
    op: 'Mixed',
    call: () => new init.Mixed(['a'], [{} as never]),
  },
  {
    name: 'Mixed-patterns-string',
    theme: 2,
    error: IAE,
    op: 'Mixed',
    arg: 'patterns',
    call: () => new init.Mixed('a' as never, [new init.Zero()]),
  },
  {
    name: 'Uniform-scale-string',
    theme: 2,
    error: IAE,
    op: 'Uniform',
    arg: 'scale',
    call: () => new init.Uniform('a' as never),
  },
  {
    name: 'Normal-unknown-option',
    theme: 2,
    error: IAE,
    op: 'Normal',
    arg: 'mu',
    call: () => new init.Normal({ mu: 1 } as never),
  },
  {
    name: 'create-unregistered',
    theme: 3,
    error: mx.InitializerNotRegisteredError,
    op: 'nosuchinit',
    call: () => init.create('nosuchinit'),
  },
  // random
  {
    name: 'uniform-huge',
    theme: 1,
    error: TooLarge,
    op: 'random.uniform',
    call: () => nd.random.uniform({ shape: [1e6, 1e6] }),
  },
  {
    name: 'normal-huge',
    theme: 1,
    error: TooLarge,
    op: 'random.normal',
    call: () => nd.random.normal({ shape: [2 ** 31] }),
  },
  {
    name: 'randint-huge',
    theme: 1,
    error: TooLarge,
    op: 'random.randint',
    call: () => nd.random.randint(0, 10, { shape: [1e6, 1e6] }),
  },
  {
    name: 'uniform-shape-string',
    theme: 2,
    error: IAE,
    op: 'random.uniform',
    arg: 'shape',
    call: () => nd.random.uniform({ shape: 'ab' as never }),
  },
  {
    name: 'uniform-low-above-high',
    theme: 3,
    error: IAE,
    op: 'random.uniform',
    call: () => nd.random.uniform({ low: 2, high: 1 }),
  },
  {
    name: 'normal-negative-scale',
    theme: 3,
    error: IAE,
    op: 'random.normal',
    call: () => nd.random.normal({ scale: -1 }),
  },
  {
    name: 'normal-int32',
    theme: 2,
    error: mx.DTypeError,
    op: 'random.normal',
    call: () => nd.random.normal({ dtype: 'int32' as never }),
  },
  {
    name: 'randint-low-above-high',
    theme: 3,
    error: IAE,
    op: 'random.randint',
    call: () => nd.random.randint(5, 1),
  },
  {
    name: 'randint-low-string',
    theme: 2,
    error: IAE,
    op: 'random.randint',
    arg: 'low',
    call: () => nd.random.randint('a' as never, 3),
  },
  {
    name: 'shuffle-string',
    theme: 2,
    error: IAE,
    op: 'random.shuffle',
    arg: 'data',
    call: () => nd.random.shuffle('a' as never),
  },
  {
    name: 'shuffle-0-d',
    theme: 3,
    error: mx.ShapeError,
    op: 'random.shuffle',
    call: () => nd.random.shuffle(nd.ones([])),
  },
  {
    name: 'seed-string',
    theme: 2,
    error: IAE,
    op: 'random.seed',
    call: () => random.seed('a' as never),
  },
  // symbol
  {
    name: 'sym-FullyConnected-numHidden-negative',
    theme: 3,
    error: IAE,
    op: 'FullyConnected',
    arg: 'num_hidden',
    call: () => sym.FullyConnected(sym.Variable('data'), { numHidden: -1 }),
  },
  {
    name: 'sym-FullyConnected-numHidden-0',
    theme: 3,
    error: IAE,
    op: 'FullyConnected',
    arg: 'num_hidden',
    call: () => sym.FullyConnected(sym.Variable('data'), { numHidden: 0 }),
  },
  {
    name: 'sym-FullyConnected-numHidden-missing',
    theme: 2,
    error: IAE,
    op: 'FullyConnected',
    arg: 'num_hidden',
    call: () => sym.FullyConnected(sym.Variable('data'), {} as never),
  },
  {
    name: 'sym-FullyConnected-numHidden-fraction',
    theme: 3,
    error: IAE,
    op: 'FullyConnected',
    arg: 'num_hidden',
    call: () => sym.FullyConnected(sym.Variable('data'), { numHidden: 1.5 }),
  },
  {
    name: 'sym-FullyConnected-options-undefined',
    theme: 2,
    error: IAE,
    op: 'FullyConnected',
    arg: 'options',
    call: () => sym.FullyConnected(sym.Variable('data'), undefined as never),
  },
  {
    name: 'sym-FullyConnected-options-null',
    theme: 2,
    error: IAE,
    op: 'FullyConnected',
    arg: 'options',
    call: () => sym.FullyConnected(sym.Variable('data'), null as never),
  },
  {
    name: 'sym-FullyConnected-options-number',
    theme: 2,
    error: IAE,
    op: 'FullyConnected',
    arg: 'options',
    call: () => sym.FullyConnected(sym.Variable('data'), 3 as never),
  },
  {
    name: 'sym-Activation-options-undefined',
    theme: 2,
    error: IAE,
    op: 'Activation',
    arg: 'options',
    call: () => sym.Activation(sym.Variable('data'), undefined as never),
  },
  {
    name: 'sym-Activation-options-null',
    theme: 2,
    error: IAE,
    op: 'Activation',
    arg: 'options',
    call: () => sym.Activation(sym.Variable('data'), null as never),
  },
  {
    name: 'sym-Activation-options-number',
    theme: 2,
    error: IAE,
    op: 'Activation',
    arg: 'options',
    call: () => sym.Activation(sym.Variable('data'), 3 as never),
  },
  {
    name: 'sym-BatchNorm-options-null',
    theme: 2,
    error: IAE,
    op: 'BatchNorm',
    arg: 'options',
    call: () => sym.BatchNorm(sym.Variable('data'), null as never),
  },
  {
    name: 'sym-BatchNorm-options-number',
    theme: 2,
    error: IAE,
    op: 'BatchNorm',
    arg: 'options',
    call: () => sym.BatchNorm(sym.Variable('data'), 3 as never),
  },
  {
    name: 'sym-LeakyReLU-options-null',
    theme: 2,
    error: IAE,
    op: 'LeakyReLU',
    arg: 'options',
    call: () => sym.LeakyReLU(sym.Variable('data'), null as never),
  },
  {
    name: 'sym-LeakyReLU-options-number',
    theme: 2,
    error: IAE,
    op: 'LeakyReLU',
    arg: 'options',
    call: () => sym.LeakyReLU(sym.Variable('data'), 3 as never),
  },
  {
    name: 'sym-SoftmaxOutput-options-null',
    theme: 2,
    error: IAE,
    op: 'SoftmaxOutput',
    arg: 'options',
    call: () => sym.SoftmaxOutput(sym.Variable('data'), null as never),
  },
  {
    name: 'sym-SoftmaxOutput-options-number',
    theme: 2,
    error: IAE,
    op: 'SoftmaxOutput',
    arg: 'options',
    call: () => sym.SoftmaxOutput(sym.Variable('data'), 3 as never),
  },
  {
    name: 'sym-Convolution-options-undefined',
    theme: 2,
    error: IAE,
    op: 'Convolution',
    arg: 'options',
    call: () => sym.Convolution(sym.Variable('data'), undefined as never),
  },
  {
    name: 'sym-Convolution-options-null',
    theme: 2,
    error: IAE,
    op: 'Convolution',
    arg: 'options',
    call: () => sym.Convolution(sym.Variable('data'), null as never),
  },
  {
    name: 'sym-Convolution-options-number',
    theme: 2,
    error: IAE,
    op: 'Convolution',
    arg: 'options',
    call: () => sym.Convolution(sym.Variable('data'), 3 as never),
  },
  {
    name: 'sym-Embedding-options-undefined',
    theme: 2,
    error: IAE,
    op: 'Embedding',
    arg: 'options',
    call: () => sym.Embedding(sym.Variable('data'), undefined as never),
  },
  {
    name: 'sym-Embedding-options-null',
    theme: 2,
    error: IAE,
    op: 'Embedding',
    arg: 'options',
    call: () => sym.Embedding(sym.Variable('data'), null as never),
  },
  {
    name: 'sym-Embedding-options-number',
    theme: 2,
    error: IAE,
    op: 'Embedding',
    arg: 'options',
    call: () => sym.Embedding(sym.Variable('data'), 3 as never),
  },
  {
    name: 'sym-Dropout-options-null',
    theme: 2,
    error: IAE,
    op: 'Dropout',
    arg: 'options',
    call: () => sym.Dropout(sym.Variable('data'), null as never),
  },
  {
    name: 'sym-Dropout-options-number',
    theme: 2,
    error: IAE,
    op: 'Dropout',
    arg: 'options',
    call: () => sym.Dropout(sym.Variable('data'), 3 as never),
  },
  {
    name: 'sym-Pooling-options-null',
    theme: 2,
    error: IAE,
    op: 'Pooling',
    arg: 'options',
    call: () => sym.Pooling(sym.Variable('data'), null as never),
  },
  {
    name: 'sym-Pooling-options-number',
    theme: 2,
    error: IAE,
    op: 'Pooling',
    arg: 'options',
    call: () => sym.Pooling(sym.Variable('data'), 3 as never),
  },
  {
    name: 'sym-LayerNorm-options-null',
    theme: 2,
    error: IAE,
    op: 'LayerNorm',
    arg: 'options',
    call: () => sym.LayerNorm(sym.Variable('data'), null as never),
  },
  {
    name: 'sym-LayerNorm-options-number',
    theme: 2,
    error: IAE,
    op: 'LayerNorm',
    arg: 'options',
    call: () => sym.LayerNorm(sym.Variable('data'), 3 as never),
  },
  {
    name: 'sym-Flatten-options-null',
    theme: 2,
    error: IAE,
    op: 'Flatten',
    arg: 'options',
    call: () => sym.Flatten(sym.Variable('data'), null as never),
  },
  {
    name: 'sym-Flatten-options-number',
    theme: 2,
    error: IAE,
    op: 'Flatten',
    arg: 'options',
    call: () => sym.Flatten(sym.Variable('data'), 3 as never),
  },
  {
    name: 'sym-Concat-options-null',
    theme: 2,
    error: IAE,
    op: 'Concat',
    arg: 'options',
    call: () => sym.Concat([sym.Variable('a'), sym.Variable('b')], null as never),
  },
  {
    name: 'sym-FullyConnected-data-number',
    theme: 2,
    error: IAE,
    op: 'FullyConnected',
    arg: 'data',
    call: () => sym.FullyConnected(3 as never, { numHidden: 2 }),
  },
  {
    name: 'sym-Variable-options-null',
    theme: 2,
    error: IAE,
    op: 'Variable',
    arg: 'options',
    call: () => sym.Variable('x', null as never),
  },
  {
    name: 'sym-inferShape-null',
    theme: 2,
    error: IAE,
    op: 'inferShape',
    arg: 'shapes',
    call: () =>
      sym.FullyConnected(sym.Variable('data'), { numHidden: 2 }).inferShape(null as never),
  },
  {
    name: 'sym-inferShape-number',
    theme: 2,
    error: IAE,
    op: 'inferShape',
    arg: 'shapes',
    call: () => sym.FullyConnected(sym.Variable('data'), { numHidden: 2 }).inferShape(3 as never),
  },
  {
    name: 'sym-inferShape-shape-string',
    theme: 2,
    error: IAE,
    op: 'inferShape',
    arg: "'data'",
    call: () =>
      sym
        .FullyConnected(sym.Variable('data'), { numHidden: 2 })
        .inferShape({ data: '2,3' as never }),
  },
  {
    name: 'sym-inferShape-negative-dim',
    theme: 3,
    error: IAE,
    op: 'inferShape',
    arg: "'data'",
    call: () =>
      sym.FullyConnected(sym.Variable('data'), { numHidden: 2 }).inferShape({ data: [-2, 3] }),
  },
  {
    name: 'sym-evaluate-symbol-string',
    theme: 2,
    error: IAE,
    op: 'evaluate',
    arg: 'symbol',
    call: () => sym.evaluate('fc' as never, {}),
  },
  {
    name: 'sym-evaluate-symbol-undefined',
    theme: 2,
    error: IAE,
    op: 'evaluate',
    arg: 'symbol',
    call: () => sym.evaluate(undefined as never, {}),
  },
  {
    name: 'sym-evaluate-symbol-ndarray',
    theme: 2,
    error: IAE,
    op: 'evaluate',
    arg: 'symbol',
    call: () => sym.evaluate(nd.ones([2]) as never, {}),
  },
  {
    name: 'sym-evaluate-values-null',
    theme: 2,
    error: IAE,
    op: 'evaluate',
    arg: 'values',
    call: () => sym.evaluate(sym.Variable('data'), null as never),
  },
  {
    name: 'sym-evaluate-options-null',
    theme: 2,
    error: IAE,
    op: 'evaluate',
    arg: 'options',
    call: () => sym.evaluate(sym.Variable('data'), { data: nd.ones([2]) }, null as never),
  },
  {
    name: 'sym-evaluate-isTrain-string',
    theme: 2,
    error: IAE,
    op: 'evaluate',
    arg: 'isTrain',
    call: () =>
      sym.evaluate(sym.Variable('data'), { data: nd.ones([2]) }, { isTrain: 'yes' as never }),
  },
  {
    name: 'sym-evaluate-value-number',
    theme: 2,
    error: IAE,
    op: 'forward',
    arg: "'data'",
    call: () =>
      sym.evaluate(sym.Activation(sym.Variable('data'), { actType: 'relu' }), { data: 3 as never }),
  },
  {
    name: 'sym-evaluate-value-missing',
    theme: 3,
    error: IAE,
    op: 'forward',
    arg: "'data'",
    call: () => sym.evaluate(sym.Activation(sym.Variable('data'), { actType: 'relu' }), {}),
  },
  // module
  {
    name: 'Module-bind-negative-dim-names-bind',
    theme: 4,
    error: IAE,
    op: 'Module.bind',
    arg: 'dataShapes',
    call: () => fcModule().bind({ dataShapes: [['data', [-1, 3]]] }),
  },
  {
    name: 'Module-bind-huge',
    theme: 1,
    error: TooLarge,
    op: 'Module.bind',
    call: () => fcModule().bind({ dataShapes: [['data', [1e6, 1e6]]] }),
  },
  {
    name: 'Module-bind-shape-string',
    theme: 2,
    error: IAE,
    op: 'Module.bind',
    arg: 'dataShapes',
    call: () => fcModule().bind({ dataShapes: [['data', 'x' as never]] }),
  },
  {
    name: 'Module-bind-no-options',
    theme: 2,
    error: IAE,
    op: 'Module.bind',
    arg: 'options',
    call: () => fcModule().bind(undefined as never),
  },
  {
    name: 'Module-bind-wrong-data-name',
    theme: 3,
    error: IAE,
    op: 'Module.bind',
    arg: 'data_names',
    call: () => fcModule().bind({ dataShapes: [['x', [1, 3]]] }),
  },
  {
    name: 'Module-symbol-string',
    theme: 2,
    error: IAE,
    op: 'Module',
    arg: 'symbol',
    call: () => new mx.mod.Module('fc' as never),
  },
  {
    name: 'Module-forward-before-bind',
    theme: 3,
    error: mx.ModuleStateError,
    op: 'forward',
    call: () => fcModule().forward({ data: [nd.ones([1, 3])] }),
  },
  {
    name: 'Module-initParams-not-an-initializer',
    theme: 2,
    error: IAE,
    op: 'Module.initParams',
    arg: 'initializer',
    call: () => {
      const m = fcModule();
      m.bind({ dataShapes: [['data', [1, 3]]] });
      m.initParams(42 as never);
    },
  },
  {
    name: 'Module-forward-batch-null',
    theme: 2,
    error: IAE,
    op: 'Module.forward',
    arg: 'batch',
    call: () => fcModule().forward(null as never),
  },
  {
    name: 'Module-forward-data-count',
    theme: 3,
    error: IAE,
    op: 'Module.forward',
    arg: 'data',
    call: () => {
      const m = fcModule();
      m.bind({ dataShapes: [['data', [1, 3]]] });
      m.initParams();
      m.forward({ data: [nd.ones([1, 3]), nd.ones([1, 3])] });
    },
  },
  // files (in a browser, with no file system, the same calls raise FileSystemUnavailableError)
  {
    name: 'load-missing-file',
    theme: 2,
    error: HAS_FS ? mx.FileAccessError : mx.FileSystemUnavailableError,
    op: 'load',
    arg: HAS_FS ? 'ENOENT' : 'loadFromBytes',
    call: () => nd.load('/nonexistent-mxts-dir/missing.params'),
  },
  {
    name: 'load-path-number',
    theme: 2,
    error: IAE,
    op: 'load',
    arg: 'path',
    call: () => nd.load(42 as never),
  },
  {
    name: 'save-missing-dir',
    theme: 2,
    error: HAS_FS ? mx.FileAccessError : mx.FileSystemUnavailableError,
    op: 'save',
    arg: HAS_FS ? 'ENOENT' : 'saveToBytes',
    call: () => nd.save('/nonexistent-mxts-dir/out.params', [nd.ones([2])]),
  },
  {
    name: 'save-path-empty',
    theme: 2,
    error: IAE,
    op: 'save',
    arg: 'path',
    call: () => nd.save('', [nd.ones([2])]),
  },
  {
    name: 'loadFromBytes-3-bytes',
    theme: 3,
    error: mx.CorruptFileError,
    op: 'NDArray file',
    call: () => nd.loadFromBytes(new Uint8Array(3)),
  },
  {
    name: 'loadFromBytes-huge-count',
    theme: 1,
    error: mx.CorruptFileError,
    op: 'NDArray file',
    call: () => nd.loadFromBytes(header(2n ** 60n)),
  },
  {
    name: 'loadFromBytes-bad-magic',
    theme: 3,
    error: mx.CorruptFileError,
    op: 'NDArray file',
    call: () => nd.loadFromBytes(new Uint8Array(24).fill(7)),
  },
];
