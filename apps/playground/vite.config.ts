import { defineConfig } from 'vite';

// The .wasm binaries of @tensorflow/tfjs-backend-wasm are imported with `?url` in
// src/backends.ts, so Vite serves them in dev and emits them as assets on build.
// keepNames: MXTS's initializer registry (`mx.init.create('zero')`, `dumps()`) knows the
// classes by their names, which a minifier would otherwise rename.
export default defineConfig({
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2048,
    rolldownOptions: { output: { keepNames: true } },
  },
});
