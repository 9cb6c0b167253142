import { createCpuBackend } from '@mxts/backend-cpu';
import * as mx from '@mxts/core';
import { beforeAll, describe, expect, test } from 'vitest';
import * as gluon from '../index.js';
import { closeWithin, disposeAll, live, values } from '../test-support.fixture.js';

// Convolution and pooling layers against float64 loops written here from MXNet's
// definitions (cross-correlation; max pooling skips padding; average pooling divides by the
// window clipped to the padded input, or to the input without countIncludePad).

const { nn } = gluon;
const { autograd } = mx;

const close = closeWithin(1e-5, 1e-5);

/** Deterministic values of both signs, float32-representable. */
const seq = (n: number, a: number, b = 0.3) =>
  Array.from({ length: n }, (_, i) => Math.fround(Math.sin(i * a + b) * 1.5));

const prod = (s: readonly number[]) => s.reduce((p, d) => p * d, 1);

interface Conv2dArgs {
  x: number[];
  xs: number[]; // N, C, H, W
  w: number[];
  ws: number[]; // F, C/g, KH, KW
  b: number[] | null;
  stride: number[];
  pad: number[];
  dilate: number[];
  groups: number;
}

/** Float64 NCHW convolution; also the gradients of sum(head * y) for x, w and b. */
function conv2dRef(a: Conv2dArgs, head?: number[]) {
  const [n, c, h, wd] = a.xs;
  const [f, cg, kh, kw] = a.ws;
  const oh = Math.floor((h + 2 * a.pad[0] - a.dilate[0] * (kh - 1) - 1) / a.stride[0]) + 1;
  const ow = Math.floor((wd + 2 * a.pad[1] - a.dilate[1] * (kw - 1) - 1) / a.stride[1]) + 1;
  const y = new Array<number>(n * f * oh * ow).fill(0);
  const dx = new Array<number>(a.x.length).fill(0);
  const dw = new Array<number>(a.w.length).fill(0);
  const db = new Array<number>(f).fill(0);
  const fpg = f / a.groups;
  for (let i = 0; i < n; i++)
    for (let o = 0; o < f; o++) {
      const g = Math.floor(o / fpg);
      for (let r = 0; r < oh; r++)
        for (let s = 0; s < ow; s++) {
          const yi = ((i * f + o) * oh + r) * ow + s;
          let acc = a.b ? a.b[o] : 0;
          const hd = head ? head[yi] : 0;
          db[o] += hd;
          for (let k = 0; k < cg; k++)
            for (let p = 0; p < kh; p++)
              for (let q = 0; q < kw; q++) {
                const hh = r * a.stride[0] - a.pad[0] + p * a.dilate[0];
                const ww = s * a.stride[1] - a.pad[1] + q * a.dilate[1];
                if (hh < 0 || hh >= h || ww < 0 || ww >= wd) continue;
                const xi = ((i * c + g * cg + k) * h + hh) * wd + ww;
                const wi = ((o * cg + k) * kh + p) * kw + q;
                acc += a.x[xi] * a.w[wi];
                dx[xi] += hd * a.w[wi];
                dw[wi] += hd * a.x[xi];
              }
          y[yi] = acc;
        }
    }
  return { y, shape: [n, f, oh, ow], dx, dw, db };
}

/** Float64 NCHW pooling as MXNet's pool.h (max skips padding; avg divisor rules). */
function pool2dRef(
  x: number[],
  xs: number[],
  o: {
    kernel: number[];
    stride: number[];
    pad: number[];
    type: 'max' | 'avg';
    ceil?: boolean;
    countIncludePad?: boolean;
  },
) {
  const [n, c, h, w] = xs;
  const size = (s: number, i: number) => {
    const span = (s + 2 * o.pad[i] - o.kernel[i]) / o.stride[i];
    return 1 + (o.ceil ? Math.ceil(span) : Math.floor(span));
  };
  const oh = size(h, 0);
  const ow = size(w, 1);
  const y: number[] = [];
  for (let i = 0; i < n * c; i++)
    for (let r = 0; r < oh; r++)
      for (let s = 0; s < ow; s++) {
        let hs = r * o.stride[0] - o.pad[0];
        let ws = s * o.stride[1] - o.pad[1];
        let he = Math.min(hs + o.kernel[0], h + o.pad[0]);
        let we = Math.min(ws + o.kernel[1], w + o.pad[1]);
        let count = (he - hs) * (we - ws);
        hs = Math.max(hs, 0);
        ws = Math.max(ws, 0);
        he = Math.min(he, h);
        we = Math.min(we, w);
        if (o.countIncludePad === false) count = (he - hs) * (we - ws);
        let acc = o.type === 'max' ? -Infinity : 0;
        for (let p = hs; p < he; p++)
          for (let q = ws; q < we; q++) {
            const v = x[(i * h + p) * w + q];
            acc = o.type === 'max' ? Math.max(acc, v) : acc + v;
          }
        y.push(o.type === 'max' ? acc : acc / count);
      }
  return { y, shape: [n, c, oh, ow] };
}

beforeAll(async () => {
  mx.useBackend(await createCpuBackend());
});

describe('nn.Conv2D and nn.Conv1D', () => {
  test("MXNet's names, deferred in-channels, shapes and repr", () => {
    const before = live();
    const net = new nn.HybridSequential({ prefix: 'net_' });
    net.nameScope(() => {
      net.add(new nn.Conv2D(6, 5, { activation: 'relu' }));
      net.add(new nn.MaxPool2D(2, { strides: 2 }));
      net.add(new nn.Conv2D(16, [3, 3], { useBias: false, groups: 2 }));
      net.add(new nn.AvgPool2D());
      net.add(new nn.Conv1D(4, 3, { inChannels: 8 }));
    });
    const params = new Map(net.collectParams());
    expect([...params.keys()]).toEqual([
      'net_conv0_weight',
      'net_conv0_bias',
      'net_conv1_weight',
      'net_conv2_weight',
      'net_conv2_bias',
    ]);
    expect(params.get('net_conv0_weight')!.shape).toEqual([6, 0, 5, 5]);
    expect(params.get('net_conv0_bias')!.shape).toEqual([6]);
    expect(params.get('net_conv1_weight')!.shape).toEqual([16, 0, 3, 3]);
    expect(params.get('net_conv2_weight')!.shape).toEqual([4, 8, 3]);
    const children = [...net._children.values()];
    expect(children.map((b) => b.name)).toEqual([
      'net_conv0',
      'net_pool0',
      'net_conv1',
      'net_pool1',
      'net_conv2',
    ]);
    expect((children[0] as gluon.nn.Conv2D).act!.name).toBe('net_conv0_relu');
    expect(String(children[0])).toBe(
      'Conv2D(None -> 6, kernel_size=(5, 5), stride=(1, 1), Activation(relu))',
    );
    expect(String(children[1])).toBe(
      'MaxPool2D(size=(2, 2), stride=(2, 2), padding=(0, 0), ceil_mode=False, global_pool=False, pool_type=max, layout=NCHW)',
    );
    expect(String(children[4])).toBe('Conv1D(8 -> 4, kernel_size=(3,), stride=(1,))');

    mx.random.seed(0);
    net.initialize(new mx.init.Xavier());
    const sub = new nn.HybridSequential({ prefix: 'sub_' });
    sub.add(children[0] as gluon.HybridBlock);
    const x = mx.nd.ones([2, 1, 28, 28]);
    const y = sub.forward(x);
    expect(y.shape).toEqual([2, 6, 24, 24]);
    expect(params.get('net_conv0_weight')!.shape).toEqual([6, 1, 5, 5]);
    expect(String(children[0])).toBe(
      'Conv2D(1 -> 6, kernel_size=(5, 5), stride=(1, 1), Activation(relu))',
    );
    // Xavier's default (uniform, avg, magnitude 3): |w| <= sqrt(3 / ((1*25 + 6*25) / 2)).
    const bound = Math.sqrt(3 / ((25 + 150) / 2));
    const wv = values(params.get('net_conv0_weight')!.data());
    // The fans count the kernel (MXNet's Xavier on a 4-D weight): the extremes reach the bound.
    expect(wv.every((v) => Math.abs(v) <= bound)).toBe(true);
    expect(Math.max(...wv.map(Math.abs))).toBeGreaterThan(0.9 * bound);
    expect(new Set(wv).size).toBeGreaterThan(100);
    expect(values(params.get('net_conv0_bias')!.data()).every((v) => v === 0)).toBe(true);
    x.dispose();
    y.dispose();
    disposeAll(net);
    expect(live()).toBe(before);
  });

  test('Conv2D forward and gradients equal float64 loops (stride, pad, dilation, groups, relu)', () => {
    const before = live();
    const xs = [2, 4, 5, 6];
    const ws = [4, 2, 3, 2];
    const X = seq(prod(xs), 0.37);
    const Wt = seq(prod(ws), 0.91, 1.1).map((v) => Math.fround(v * 0.5));
    const B = [0.1, -0.2, 0.05, 0.3];
    const conv = new nn.Conv2D(4, [3, 2], {
      strides: [2, 1],
      padding: [1, 0],
      dilation: [1, 2],
      groups: 2,
    });
    conv.initialize();
    const x = mx.nd.array(X, { shape: xs });
    x.attachGrad();
    const ref = conv2dRef({
      x: X,
      xs,
      w: Wt,
      ws,
      b: B,
      stride: [2, 1],
      pad: [1, 0],
      dilate: [1, 2],
      groups: 2,
    });
    const H = seq(ref.y.length, 0.53, 0.7);
    const withHead = conv2dRef(
      { x: X, xs, w: Wt, ws, b: B, stride: [2, 1], pad: [1, 0], dilate: [1, 2], groups: 2 },
      H,
    );
    // The first forward infers in-channels; then set the weights the loops use.
    conv.forward(x).dispose();
    expect(conv.weight.shape).toEqual(ws);
    const wArr = mx.nd.array(Wt, { shape: ws });
    const bArr = mx.nd.array(B);
    conv.weight.setData(wArr);
    conv.bias!.setData(bArr);
    const head = mx.nd.array(H, { shape: ref.shape });
    const y = autograd.record(() => conv.forward(x));
    y.backward(head);
    expect(y.shape).toEqual(ref.shape);
    close(values(y), ref.y);
    close(values(x.grad!), withHead.dx);
    close(values(conv.weight.grad()), withHead.dw);
    close(values(conv.bias!.grad()), withHead.db);
    for (const a of [x.grad!, x, wArr, bArr, head, y]) a.dispose();
    disposeAll(conv);
    expect(live()).toBe(before);
  });

  test('Conv2D with relu, without bias, given inChannels: no deferral', () => {
    const before = live();
    const xs = [1, 3, 4, 4];
    const ws = [2, 3, 3, 3];
    const X = seq(prod(xs), 0.29);
    const Wt = seq(prod(ws), 0.61, 0.2);
    const conv = new nn.Conv2D(2, 3, {
      padding: 1,
      useBias: false,
      activation: 'relu',
      inChannels: 3,
    });
    expect(conv.weight.shape).toEqual(ws);
    conv.initialize();
    expect(conv.bias).toBeNull();
    const wArr = mx.nd.array(Wt, { shape: ws });
    conv.weight.setData(wArr);
    const x = mx.nd.array(X, { shape: xs });
    const y = conv.forward(x);
    const ref = conv2dRef({
      x: X,
      xs,
      w: Wt,
      ws,
      b: null,
      stride: [1, 1],
      pad: [1, 1],
      dilate: [1, 1],
      groups: 1,
    });
    close(
      values(y),
      ref.y.map((v) => Math.max(v, 0)),
    );
    expect(values(y).some((v) => v === 0)).toBe(true);
    expect(String(conv)).toBe(
      'Conv2D(3 -> 2, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False, Activation(relu))',
    );
    for (const a of [x, y, wArr]) a.dispose();
    disposeAll(conv);
    expect(live()).toBe(before);
  });

  test('Conv1D forward and weight gradient equal float64 loops', () => {
    const before = live();
    const xs = [2, 3, 9];
    const ws = [5, 3, 3];
    const X = seq(prod(xs), 0.41);
    const Wt = seq(prod(ws), 0.77, 0.5);
    const B = [0.1, 0, -0.1, 0.2, -0.3];
    const conv = new nn.Conv1D(5, 3, { strides: 2, padding: 1, dilation: 2 });
    conv.initialize();
    const x = mx.nd.array(X, { shape: xs });
    conv.forward(x).dispose();
    expect(conv.weight.shape).toEqual(ws);
    const wArr = mx.nd.array(Wt, { shape: ws });
    const bArr = mx.nd.array(B);
    conv.weight.setData(wArr);
    conv.bias!.setData(bArr);
    const ref2 = conv2dRef({
      x: X,
      xs: [2, 3, 1, 9],
      w: Wt,
      ws: [5, 3, 1, 3],
      b: B,
      stride: [1, 2],
      pad: [0, 1],
      dilate: [1, 2],
      groups: 1,
    });
    const H = seq(ref2.y.length, 0.3, 0.1);
    const g = conv2dRef(
      {
        x: X,
        xs: [2, 3, 1, 9],
        w: Wt,
        ws: [5, 3, 1, 3],
        b: B,
        stride: [1, 2],
        pad: [0, 1],
        dilate: [1, 2],
        groups: 1,
      },
      H,
    );
    const head = mx.nd.array(H, { shape: [2, 5, ref2.shape[3]] });
    const y = autograd.record(() => conv.forward(x));
    y.backward(head);
    expect(y.shape).toEqual([2, 5, 4]);
    close(values(y), ref2.y);
    close(values(conv.weight.grad()), g.dw);
    close(values(conv.bias!.grad()), g.db);
    for (const a of [x, wArr, bArr, head, y]) a.dispose();
    disposeAll(conv);
    expect(live()).toBe(before);
  });

  test('bad arguments and inputs are typed errors, before any allocation', () => {
    const before = live();
    expect(() => new nn.Conv2D(0, 3)).toThrow(mx.InvalidArgumentError);
    expect(() => new nn.Conv2D(4, [3])).toThrow(/list of 2/);
    expect(() => new nn.Conv2D(4, 3, { strides: 0 })).toThrow(mx.InvalidArgumentError);
    expect(() => new nn.Conv2D(4, 3, { layout: 'NHWC' as 'NCHW' })).toThrow(/NCHW data only/);
    expect(() => new nn.Conv2D(6, 3, { groups: 4 })).toThrow(/dividing channels/);
    expect(() => new nn.Conv2D(4, 3, { groups: 2, inChannels: 3 })).toThrow(/multiple of groups/);
    expect(() => new nn.Conv1D(4, 3, { activation: 'gelu' as 'relu' })).toThrow(
      /unknown activation/,
    );
    expect(() => new nn.MaxPool2D(0)).toThrow(mx.InvalidArgumentError);
    expect(() => new nn.MaxPool1D(2, { layout: 'NWC' as 'NCW' })).toThrow(/NCW data only/);
    expect(live()).toBe(before);
    const conv = new nn.Conv2D(4, 3, { groups: 2 });
    conv.initialize();
    const x3 = mx.nd.ones([1, 2, 8]);
    const odd = mx.nd.ones([1, 3, 8, 8]);
    expect(() => conv.forward(x3)).toThrow(mx.ShapeError);
    expect(() => conv.forward(odd)).toThrow(/multiple of groups=2/);
    expect(() => new nn.MaxPool2D(2).forward(x3)).toThrow(mx.ShapeError);
    x3.dispose();
    odd.dispose();
    disposeAll(conv);
    expect(live()).toBe(before);
  });
});

describe('pooling layers', () => {
  const xs = [2, 3, 5, 7];
  const X = seq(prod(xs), 0.83);

  test('MaxPool2D and AvgPool2D equal float64 loops (strides default, padding, ceilMode, countIncludePad)', () => {
    const before = live();
    const x = mx.nd.array(X, { shape: xs });
    const cases: [gluon.HybridBlock, Parameters<typeof pool2dRef>[2]][] = [
      [new nn.MaxPool2D(2), { kernel: [2, 2], stride: [2, 2], pad: [0, 0], type: 'max' }],
      [
        new nn.MaxPool2D([3, 2], { strides: [2, 1], padding: 1 }),
        { kernel: [3, 2], stride: [2, 1], pad: [1, 1], type: 'max' },
      ],
      [
        new nn.MaxPool2D(2, { ceilMode: true }),
        { kernel: [2, 2], stride: [2, 2], pad: [0, 0], type: 'max', ceil: true },
      ],
      [new nn.AvgPool2D(2), { kernel: [2, 2], stride: [2, 2], pad: [0, 0], type: 'avg' }],
      [
        new nn.AvgPool2D(3, { strides: 2, padding: 1 }),
        { kernel: [3, 3], stride: [2, 2], pad: [1, 1], type: 'avg', countIncludePad: true },
      ],
      [
        new nn.AvgPool2D(3, { strides: 2, padding: 1, countIncludePad: false }),
        { kernel: [3, 3], stride: [2, 2], pad: [1, 1], type: 'avg', countIncludePad: false },
      ],
      [
        new nn.AvgPool2D(2, { ceilMode: true }),
        { kernel: [2, 2], stride: [2, 2], pad: [0, 0], type: 'avg', ceil: true },
      ],
    ];
    for (const [block, o] of cases) {
      const ref = pool2dRef(X, xs, o);
      const y = block.forward(x);
      expect(y.shape).toEqual(ref.shape);
      close(values(y), ref.y);
      y.dispose();
    }
    x.dispose();
    expect(live()).toBe(before);
  });

  test('MaxPool2D sends the gradient to each window maximum; AvgPool2D spreads it', () => {
    const before = live();
    const x = mx.nd.array(X, { shape: xs });
    x.attachGrad();
    const y = autograd.record(() => new nn.MaxPool2D(2).forward(x));
    y.backward();
    const [n, c, h, w] = xs;
    const dx = new Array<number>(X.length).fill(0);
    for (let i = 0; i < n * c; i++)
      for (let r = 0; r < 2; r++)
        for (let s = 0; s < 3; s++) {
          let best = -1;
          for (let p = 2 * r; p < 2 * r + 2; p++)
            for (let q = 2 * s; q < 2 * s + 2; q++) {
              const k = (i * h + p) * w + q;
              if (best < 0 || X[k] > X[best]) best = k;
            }
          dx[best] += 1;
        }
    close(values(x.grad!), dx);
    const z = autograd.record(() => new nn.AvgPool2D(2).forward(x));
    z.backward();
    close(
      values(x.grad!),
      X.map((_, k) => {
        const q = k % w;
        const p = Math.floor(k / w) % h;
        return p < 4 && q < 6 ? 0.25 : 0;
      }),
    );
    for (const a of [x.grad!, x, y, z]) a.dispose();
    expect(live()).toBe(before);
  });

  test('1-D and global pooling', () => {
    const before = live();
    const x1 = mx.nd.array(X.slice(0, 2 * 3 * 7), { shape: [2, 3, 7] });
    const X1 = X.slice(0, 42);
    const as2d = (o: Parameters<typeof pool2dRef>[2]) => pool2dRef(X1, [2, 3, 1, 7], o).y;
    const m = new nn.MaxPool1D(3, { strides: 2, padding: 1 }).forward(x1);
    expect(m.shape).toEqual([2, 3, 4]);
    close(values(m), as2d({ kernel: [1, 3], stride: [1, 2], pad: [0, 1], type: 'max' }));
    const a = new nn.AvgPool1D(2).forward(x1);
    expect(a.shape).toEqual([2, 3, 3]);
    close(values(a), as2d({ kernel: [1, 2], stride: [1, 2], pad: [0, 0], type: 'avg' }));

    const x = mx.nd.array(X, { shape: xs });
    const planes = Array.from({ length: 6 }, (_, i) => X.slice(i * 35, i * 35 + 35));
    const gmax = new nn.GlobalMaxPool2D().forward(x);
    const gavg = new nn.GlobalAvgPool2D().forward(x);
    expect(gmax.shape).toEqual([2, 3, 1, 1]);
    close(
      values(gmax),
      planes.map((p) => Math.max(...p)),
    );
    close(
      values(gavg),
      planes.map((p) => p.reduce((s, v) => s + v, 0) / 35),
    );
    const rows = Array.from({ length: 6 }, (_, i) => X1.slice(i * 7, i * 7 + 7));
    const g1 = new nn.GlobalAvgPool1D().forward(x1);
    const m1 = new nn.GlobalMaxPool1D().forward(x1);
    expect(g1.shape).toEqual([2, 3, 1]);
    close(
      values(g1),
      rows.map((r) => r.reduce((s, v) => s + v, 0) / 7),
    );
    close(
      values(m1),
      rows.map((r) => Math.max(...r)),
    );
    expect(String(new nn.GlobalAvgPool2D())).toBe(
      'GlobalAvgPool2D(size=(1, 1), stride=(1, 1), padding=(0, 0), ceil_mode=True, global_pool=True, pool_type=avg, layout=NCHW)',
    );
    for (const t of [x1, m, a, x, gmax, gavg, g1, m1]) t.dispose();
    expect(live()).toBe(before);
  });
});
