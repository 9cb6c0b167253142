import { defineConfig } from 'vite';

// The .wasm binaries of @tensorflow/tfjs-backend-wasm are imported with `?url` in
// src/backends.ts, so Vite serves them in dev and emits them as assets on build.
export default defineConfig({
  build: { target: 'es2022', chunkSizeWarningLimit: 2048 },
});
