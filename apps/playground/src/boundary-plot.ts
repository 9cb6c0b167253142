import { EXTENT } from './spirals.js';

// The two classes' colors: light for the regions, saturated for the points.
const REGION = [
  [253, 224, 199],
  [199, 221, 250],
] as const;
const POINT = ['#ea580c', '#2563eb'] as const;

/**
 * Paints the decision boundary: each cell of the grid blends the two class colors by the
 * net's probability of class 1 (the boundary is where they meet), and the training points go
 * on top.
 */
export function drawBoundary(
  canvas: HTMLCanvasElement,
  probs: Float32Array | null,
  size: number,
  X: Float32Array,
  y: Float32Array,
): void {
  const ctx = canvas.getContext('2d');
  if (ctx === null) return;
  const w = canvas.width;
  const h = canvas.height;
  ctx.fillStyle = '#f8fafc';
  ctx.fillRect(0, 0, w, h);
  if (probs !== null) {
    const img = ctx.createImageData(size, size);
    for (let k = 0; k < size * size; k++) {
      const p = probs[k];
      for (let ch = 0; ch < 3; ch++) {
        img.data[4 * k + ch] = (1 - p) * REGION[0][ch] + p * REGION[1][ch];
      }
      img.data[4 * k + 3] = 255;
    }
    // Draw the small grid image scaled up, smoothed, through an offscreen canvas.
    const off = document.createElement('canvas');
    off.width = size;
    off.height = size;
    off.getContext('2d')?.putImageData(img, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(off, 0, 0, w, h);
  }
  const px = (v: number) => ((v + EXTENT) / (2 * EXTENT)) * w;
  const py = (v: number) => ((EXTENT - v) / (2 * EXTENT)) * h;
  for (let n = 0; n < y.length; n++) {
    ctx.beginPath();
    ctx.arc(px(X[2 * n]), py(X[2 * n + 1]), 3, 0, 2 * Math.PI);
    ctx.fillStyle = POINT[y[n]];
    ctx.fill();
    ctx.lineWidth = 0.8;
    ctx.strokeStyle = '#fff';
    ctx.stroke();
  }
}
