import { InvalidArgumentError, type NDArray, nd } from '@mxts/core';
import { DatasetFilesMissingError } from '../../errors/dataset-files-missing-error.js';
import { mxnetName } from '../../mxnet-name.js';
import { Dataset } from '../dataset.js';
import { parseIdx } from './idx.js';

/** Options of {@link MNIST.create}. */
export interface MNISTOptions {
  /** The training set (default) or the test set. */
  train?: boolean;
  /** MXNet's `transform(data, label)`, applied by `get`. */
  transform?: ((data: NDArray, label: number) => unknown) | null;
}

const FILES = {
  train: ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte'],
  test: ['t10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'],
} as const;

async function readMaybeGz(root: string, name: string): Promise<Uint8Array | null> {
  const fs = await import('node:fs/promises');
  const path = await import('node:path');
  for (const [file, gz] of [
    [name, false],
    [`${name}.gz`, true],
  ] as const) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await fs.readFile(path.join(root, file)));
    } catch (e) {
      if ((e as { code?: string }).code === 'ENOENT') continue;
      throw e;
    }
    if (!gz) return bytes;
    const zlib = await import('node:zlib');
    return new Uint8Array(zlib.gunzipSync(bytes));
  }
  return null;
}

/**
 * MXNet `gluon.data.vision.MNIST(root='~/.mxnet/datasets/mnist', train=True,
 * transform=None)`, from idx files the user already has (plain or `.gz`; nothing is
 * downloaded). `get(i)` is `[image, label]`: the image a (28, 28, 1) float32 NDArray of the
 * byte values 0..255 (MXNet: uint8, which MXTS has no dtype for), the label a number (MXNet:
 * int32). Node only (it reads files). The DataLoader batches it without per-sample arrays:
 * images (batch, 28, 28, 1) float32, labels int32.
 *
 * @example
 * const train = await gluon.data.vision.MNIST.create('/data/mnist', { train: true });
 * const loader = new gluon.data.DataLoader(train.transformFirst(new gluon.data.vision.transforms.ToTensor()), { batchSize: 64 });
 */
export class MNIST extends Dataset<unknown> {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'MNIST';
  /** @internal */
  readonly _images: Uint8Array;
  /** @internal */
  readonly _labels: Int32Array;
  private readonly imageShape: number[];
  private readonly transformFn: ((data: NDArray, label: number) => unknown) | null;

  /** Use {@link MNIST.create}, which reads the files. */
  constructor(
    images: Uint8Array,
    imageShape: readonly number[],
    labels: Int32Array,
    transform: ((data: NDArray, label: number) => unknown) | null = null,
  ) {
    super();
    const per = imageShape.reduce((a, b) => a * b, 1);
    if (images.length !== per * labels.length) {
      throw new InvalidArgumentError(
        mxnetName(new.target),
        `${labels.length} labels but ${images.length / per} images of shape (${imageShape.join(', ')})`,
      );
    }
    this._images = images;
    this._labels = labels;
    this.imageShape = [...imageShape];
    this.transformFn = transform;
  }

  /**
   * Reads the dataset from `root` (default `~/.mxnet/datasets/mnist`, where MXNet keeps it).
   * Raises DatasetFilesMissingError naming the files when they are not there.
   * @example const test = await gluon.data.vision.MNIST.create(dir, { train: false });
   */
  static create(root?: string, options: MNISTOptions = {}): Promise<MNIST> {
    return readMnist(MNIST, 'mnist', root, options);
  }

  override get length(): number {
    return this._labels.length;
  }

  override get(idx: number): unknown {
    if (!Number.isInteger(idx) || idx < 0 || idx >= this.length) {
      throw new InvalidArgumentError(
        `${mxnetName(this)}.get`,
        `index ${idx} out of range for length ${this.length}`,
      );
    }
    const per = this._images.length / this.length;
    const img = nd.array(Float32Array.from(this._images.subarray(idx * per, (idx + 1) * per)), {
      shape: this.imageShape,
    });
    const label = this._labels[idx];
    return this.transformFn ? this.transformFn(img, label) : [img, label];
  }

  /** @internal The DataLoader's batch: images (B, H, W, 1) float32 and labels int32. */
  _gather(indices: readonly number[]): NDArray[] | null {
    if (this.transformFn !== null) return null;
    const per = this._images.length / this.length;
    const flat = new Float32Array(indices.length * per);
    indices.forEach((i, k) => {
      flat.set(this._images.subarray(i * per, (i + 1) * per), k * per);
    });
    return [
      nd.array(flat, { shape: [indices.length, ...this.imageShape] }),
      nd.array(
        Int32Array.from(indices, (i) => this._labels[i]),
        { dtype: 'int32' },
      ),
    ];
  }
}

/**
 * MXNet `gluon.data.vision.FashionMNIST`: MNIST's format and file names, in
 * `~/.mxnet/datasets/fashion-mnist` by default.
 * @example const train = await gluon.data.vision.FashionMNIST.create('/data/fashion-mnist');
 */
export class FashionMNIST extends MNIST {
  /** @internal MXNet's class name, a literal that minifiers keep. */
  static override readonly mxnetName: string = 'FashionMNIST';
  /**
   * Reads the dataset from `root` (default `~/.mxnet/datasets/fashion-mnist`).
   * @example const train = await gluon.data.vision.FashionMNIST.create(dir);
   */
  static override create(root?: string, options: MNISTOptions = {}): Promise<FashionMNIST> {
    return readMnist(FashionMNIST, 'fashion-mnist', root, options);
  }
}

type MnistClass<T> = new (
  images: Uint8Array,
  shape: readonly number[],
  labels: Int32Array,
  transform: ((data: NDArray, label: number) => unknown) | null,
) => T;

async function readMnist<T>(
  cls: MnistClass<T> & { name: string },
  namespace: string,
  root: string | undefined,
  options: MNISTOptions,
): Promise<T> {
  const os = await import('node:os');
  const path = await import('node:path');
  const dir = root ?? path.join(os.homedir(), '.mxnet', 'datasets', namespace);
  const [imgName, lblName] = FILES[(options.train ?? true) ? 'train' : 'test'];
  const [img, lbl] = await Promise.all([readMaybeGz(dir, imgName), readMaybeGz(dir, lblName)]);
  const missing: string[] = [];
  if (img === null) missing.push(imgName);
  if (lbl === null) missing.push(lblName);
  if (missing.length > 0) throw new DatasetFilesMissingError(mxnetName(cls), dir, missing);
  const images = parseIdx(img!, imgName, mxnetName(cls));
  const labels = parseIdx(lbl!, lblName, mxnetName(cls));
  if (images.shape.length !== 3 || labels.shape.length !== 1) {
    throw new InvalidArgumentError(
      mxnetName(cls),
      `expected images of 3 dimensions and labels of 1, got (${images.shape.join(', ')}) and (${labels.shape.join(', ')})`,
    );
  }
  const [, h, w] = images.shape;
  return new cls(images.data, [h, w, 1], Int32Array.from(labels.data), options.transform ?? null);
}
