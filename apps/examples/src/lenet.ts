// The Crash Course's LeNet (MXNet 1.x "Train the neural network") and a synthetic stand-in
// for Fashion-MNIST, shared by `pnpm example gluon-lenet`, its test and `pnpm bench`.

import * as mx from '@mxts/core';
import * as gluon from '@mxts/gluon';

const { nn } = gluon;

/**
 * The Crash Course's network, line for line:
 *
 * ```python
 * net = nn.Sequential()
 * net.add(nn.Conv2D(channels=6, kernel_size=5, activation='relu'),
 *         nn.MaxPool2D(pool_size=2, strides=2),
 *         nn.Conv2D(channels=16, kernel_size=3, activation='relu'),
 *         nn.MaxPool2D(pool_size=2, strides=2),
 *         nn.Flatten(),
 *         nn.Dense(120, activation="relu"),
 *         nn.Dense(84, activation="relu"),
 *         nn.Dense(10))
 * ```
 *
 * @example
 * const net = lenet();
 * net.initialize(new mx.init.Xavier());
 */
export function lenet(): gluon.nn.Sequential {
  const net = new nn.Sequential();
  net.add(
    new nn.Conv2D(6, 5, { activation: 'relu' }),
    new nn.MaxPool2D(2, { strides: 2 }),
    new nn.Conv2D(16, 3, { activation: 'relu' }),
    new nn.MaxPool2D(2, { strides: 2 }),
    new nn.Flatten(),
    new nn.Dense(120, { activation: 'relu' }),
    new nn.Dense(84, { activation: 'relu' }),
    new nn.Dense(10),
  );
  return net;
}

/** Mulberry32: a small deterministic generator, so the synthetic set is the same everywhere. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `n` synthetic 28x28 grayscale images in Fashion-MNIST's layout, (n, 28, 28, 1) float32
 * bytes 0..255, with int32 labels 0..9: class k is a grating at angle 36° * (k mod 5),
 * 2.5 cycles per image for k < 5 and 5 for the others, with a random phase, contrast and
 * pixel noise, so a network has to learn orientation and frequency. The same `seed` gives
 * the same images.
 *
 * @example
 * const { images, labels } = syntheticFashion(256, 1);
 * new gluon.data.ArrayDataset(images, labels);
 */
export function syntheticFashion(
  n: number,
  seed: number,
): { images: mx.NDArray; labels: mx.NDArray } {
  const rand = mulberry32(seed);
  const pixels = new Float32Array(n * 28 * 28);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = Math.floor(rand() * 10);
    labels[i] = k;
    const angle = (Math.PI / 5) * (k % 5);
    const freq = k < 5 ? 2.5 : 5;
    const phase = rand() * 2 * Math.PI;
    const contrast = 60 + 50 * rand();
    const [c, s] = [Math.cos(angle), Math.sin(angle)];
    for (let y = 0; y < 28; y++) {
      for (let x = 0; x < 28; x++) {
        const u = ((x - 13.5) * c + (y - 13.5) * s) / 28;
        const noise = (rand() + rand() + rand() - 1.5) * 40;
        const v = 127.5 + contrast * Math.sin(2 * Math.PI * freq * u + phase) + noise;
        pixels[(i * 28 + y) * 28 + x] = Math.round(Math.min(255, Math.max(0, v)));
      }
    }
  }
  return {
    images: mx.nd.array(pixels, { shape: [n, 28, 28, 1] }),
    labels: mx.nd.array(labels, { dtype: 'int32' }),
  };
}
