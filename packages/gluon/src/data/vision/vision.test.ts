import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createCpuBackend } from '@mxts/backend-cpu';
import * as mx from '@mxts/core';
import { beforeAll, describe, expect, test } from 'vitest';
import * as gluon from '../../index.js';

const { vision } = gluon.data;
const { transforms } = vision;
const values = (x: mx.NDArray) => Array.from(x.dataSync());

beforeAll(async () => {
  mx.useBackend(await createCpuBackend());
});

/** An idx file of unsigned bytes, written by hand from the format's definition. */
function idx(shape: number[], data: number[]): Uint8Array {
  const head = new Uint8Array(4 + 4 * shape.length);
  head.set([0, 0, 0x08, shape.length]);
  const view = new DataView(head.buffer);
  shape.forEach((d, i) => {
    view.setUint32(4 + 4 * i, d, false);
  });
  const out = new Uint8Array(head.length + data.length);
  out.set(head);
  out.set(data, head.length);
  return out;
}

const PIXELS = [0, 255, 51, 102, 10, 20, 30, 40, 200, 100, 50, 0];
const LABELS = [7, 1, 4];

describe('vision.MNIST from local idx files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mnist-'));
  writeFileSync(join(dir, 'train-images-idx3-ubyte.gz'), gzipSync(idx([3, 2, 2], PIXELS)));
  writeFileSync(join(dir, 'train-labels-idx1-ubyte'), idx([3], LABELS));

  test('reads .gz and plain files; get gives (H, W, 1) values and the label', async () => {
    const ds = await vision.MNIST.create(dir);
    expect(ds.length).toBe(3);
    const [img, label] = ds.get(1) as [mx.NDArray, number];
    expect(img.shape).toEqual([2, 2, 1]);
    expect(values(img)).toEqual([10, 20, 30, 40]);
    expect(label).toBe(1);
    img.dispose();
    const loader = new gluon.data.DataLoader(ds, { batchSize: 2 });
    const [bx, by] = [...loader][1] as mx.NDArray[];
    expect(bx.shape).toEqual([1, 2, 2, 1]);
    expect(values(bx)).toEqual([200, 100, 50, 0]);
    expect(by.dtype).toBe('int32');
    expect(values(by)).toEqual([4]);
  });

  test('missing files name the folder and the files; FashionMNIST reads the same format', async () => {
    await expect(vision.MNIST.create(dir, { train: false })).rejects.toThrow(
      gluon.DatasetFilesMissingError,
    );
    await expect(vision.FashionMNIST.create(dir, { train: false })).rejects.toThrow(
      /t10k-images-idx3-ubyte.*t10k-labels-idx1-ubyte/,
    );
    const f = await vision.FashionMNIST.create(dir);
    expect(f).toBeInstanceOf(vision.FashionMNIST);
    expect(f.length).toBe(3);
  });

  test('ToTensor and Normalize (per channel), composed, through transformFirst', async () => {
    const ds = (await vision.MNIST.create(dir)).transformFirst(
      new transforms.Compose([new transforms.ToTensor(), new transforms.Normalize(0.5, 0.25)]),
    );
    const [t, label] = ds.get(0) as [mx.NDArray, number];
    expect(t.shape).toEqual([1, 2, 2]);
    const want = [0, 255, 51, 102].map((v) => (v / 255 - 0.5) / 0.25);
    values(t).forEach((v, i) => {
      expect(Math.abs(v - want[i])).toBeLessThan(1e-5);
    });
    expect(label).toBe(7);
    const rgb = mx.nd.array([
      [
        [0, 255, 51],
        [102, 10, 20],
      ],
    ]);
    const n = new transforms.Normalize([0, 0.5, 1], [1, 2, 4]).forward(
      new transforms.ToTensor().forward(rgb),
    );
    expect(n.shape).toEqual([3, 1, 2]);
    const exp = [
      0 / 255,
      102 / 255,
      (255 / 255 - 0.5) / 2,
      (10 / 255 - 0.5) / 2,
      (51 / 255 - 1) / 4,
      (20 / 255 - 1) / 4,
    ];
    values(n).forEach((v, i) => {
      expect(Math.abs(v - exp[i])).toBeLessThan(1e-6);
    });
    expect(() => new transforms.Normalize([1, 2], 1).forward(mx.nd.ones([3, 2, 2]))).toThrow(
      mx.ShapeError,
    );
  });
});
