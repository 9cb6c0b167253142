import { describe, expect, test } from 'vitest';
import * as mx from '../../index.js';

// LeNet as MXNet's example/image-classification/symbols/lenet.py builds it; the shapes are
// those of MXNet's own arithmetic: conv out = floor((in + 2p - d(k-1) - 1) / s) + 1,
// pooling (valid) = floor((in + 2p - k) / s) + 1.
function lenet(): mx.Symbol {
  return new mx.name.NameManager().run(() => {
    const data = mx.sym.Variable('data');
    const conv1 = mx.sym.Convolution(data, { kernel: [5, 5], numFilter: 20 });
    const tanh1 = mx.sym.Activation(conv1, { actType: 'tanh' });
    const pool1 = mx.sym.Pooling(tanh1, { poolType: 'max', kernel: [2, 2], stride: [2, 2] });
    const conv2 = mx.sym.Convolution(pool1, { kernel: [5, 5], numFilter: 50 });
    const tanh2 = mx.sym.Activation(conv2, { actType: 'tanh' });
    const pool2 = mx.sym.Pooling(tanh2, { poolType: 'max', kernel: [2, 2], stride: [2, 2] });
    const flat = mx.sym.Flatten(pool2);
    const fc1 = mx.sym.FullyConnected(flat, { numHidden: 500 });
    const tanh3 = mx.sym.Activation(fc1, { actType: 'tanh' });
    const fc2 = mx.sym.FullyConnected(tanh3, { numHidden: 10 });
    return mx.sym.SoftmaxOutput(fc2, { name: 'softmax' });
  });
}

describe('mx.sym Convolution, Pooling, Flatten, Dropout, Embedding, LayerNorm', () => {
  test('LeNet: MXNet names and shapes', () => {
    const net = lenet();
    expect(net.listArguments()).toEqual([
      'data',
      'convolution0_weight',
      'convolution0_bias',
      'convolution1_weight',
      'convolution1_bias',
      'fullyconnected0_weight',
      'fullyconnected0_bias',
      'fullyconnected1_weight',
      'fullyconnected1_bias',
      'softmax_label',
    ]);
    const [args, outs] = net.inferShape({ data: [64, 1, 28, 28] }) as number[][][];
    expect(args).toEqual([
      [64, 1, 28, 28],
      [20, 1, 5, 5],
      [20],
      [50, 20, 5, 5],
      [50],
      [500, 800],
      [500],
      [10, 500],
      [10],
      [64],
    ]);
    expect(outs).toEqual([[64, 10]]);
    const nodes = JSON.parse(net.tojson()).nodes as { op: string; attrs?: object }[];
    expect(nodes.find((n) => n.op === 'Pooling')?.attrs).toEqual({
      kernel: '(2, 2)',
      pool_type: 'max',
      stride: '(2, 2)',
    });
    expect(mx.sym.loadJson(net.tojson()).tojson()).toBe(net.tojson());
  });

  test('padding, stride, dilation, groups, the full convention and global pooling', () => {
    const data = mx.sym.Variable('data');
    const conv = mx.sym.Convolution(data, {
      kernel: [3, 3],
      numFilter: 8,
      stride: [2, 2],
      pad: [1, 1],
      dilate: [2, 2],
      numGroup: 2,
      noBias: true,
      name: 'c',
    });
    // (10 + 2 - 2*2 - 1) / 2 + 1 = 4 (floor of 3.5 is 3, plus 1).
    expect(conv.inferShape({ data: [1, 4, 10, 10] })![0]).toEqual([
      [1, 4, 10, 10],
      [8, 2, 3, 3],
    ]);
    expect(conv.inferShape({ data: [1, 4, 10, 10] })![1]).toEqual([[1, 8, 4, 4]]);
    const full = mx.sym.Pooling(data, {
      kernel: [3, 3],
      stride: [2, 2],
      poolingConvention: 'full',
    });
    // full: ceil((8 - 3) / 2) + 1 = 4; valid: floor((8 - 3) / 2) + 1 = 3.
    expect(full.inferShape({ data: [1, 1, 8, 8] })![1]).toEqual([[1, 1, 4, 4]]);
    const valid = mx.sym.Pooling(data, { kernel: [3, 3], stride: [2, 2] });
    expect(valid.inferShape({ data: [1, 1, 8, 8] })![1]).toEqual([[1, 1, 3, 3]]);
    const global = mx.sym.Pooling(data, { globalPool: true, poolType: 'avg' });
    expect(global.inferShape({ data: [2, 3, 5, 7] })![1]).toEqual([[2, 3, 1, 1]]);
  });

  test('Concat: num_args inputs arg0.., shapes summed along dim', () => {
    const s = new mx.name.NameManager().run(() =>
      mx.sym.Concat([mx.sym.Variable('a'), mx.sym.Variable('b')], { dim: 1 }),
    );
    expect(s.name).toBe('concat0');
    expect(s.listAttr()).toEqual({ num_args: '2', dim: '1' });
    expect(s.inferShape({ a: [2, 3, 4], b: [2, 5, 4] })![1]).toEqual([[2, 8, 4]]);
    expect(() => s.inferShape({ a: [2, 3, 4], b: [3, 5, 4] })).toThrow(mx.ShapeError);
    expect(mx.sym.loadJson(s.tojson()).tojson()).toBe(s.tojson());
  });

  test('Dropout, Embedding and LayerNorm: arguments, visible outputs and shapes', () => {
    const data = mx.sym.Variable('data');
    const drop = new mx.name.NameManager().run(() => mx.sym.Dropout(data, { p: 0.25 }));
    expect(drop.listOutputs()).toEqual(['dropout0_output']);
    expect(JSON.parse(drop.tojson()).node_row_ptr).toEqual([0, 1, 3]);
    const emb = new mx.name.NameManager().run(() =>
      mx.sym.Embedding(data, { inputDim: 10, outputDim: 4 }),
    );
    expect(emb.inferShape({ data: [2, 3] })).toEqual([
      [
        [2, 3],
        [10, 4],
      ],
      [[2, 3, 4]],
      [],
    ]);
    const ln = new mx.name.NameManager().run(() => mx.sym.LayerNorm(data, { axis: 1 }));
    expect(ln.listArguments()).toEqual(['data', 'layernorm0_gamma', 'layernorm0_beta']);
    expect(ln.inferShape({ data: [2, 5, 3] })).toEqual([[[2, 5, 3], [5], [5]], [[2, 5, 3]], []]);
    expect(() => mx.sym.Convolution(data, { numFilter: 2 } as never)).toThrow(
      /Required parameter kernel/,
    );
  });
});
