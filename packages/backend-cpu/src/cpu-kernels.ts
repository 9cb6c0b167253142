// The TF.js CPU kernels MXTS's kernel table calls (the names in @mxts/tfjs-adapter's and this
// package's sources), imported one by one so a bundler leaves out the other ~120 TF.js
// kernels. Only `bundler.ts` (the package's "module" export, which bundlers pick and Node
// does not: these deep ESM paths have extensionless imports Node cannot load) uses it.
// kernel-list.test.ts fails when the adapter calls a kernel missing here.

import { absConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Abs.js';
import { acosConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Acos.js';
import { acoshConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Acosh.js';
import { addConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Add.js';
import { argMaxConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/ArgMax.js';
import { argMinConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/ArgMin.js';
import { asinConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Asin.js';
import { asinhConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Asinh.js';
import { atanConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Atan.js';
import { atanhConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Atanh.js';
import { batchMatMulConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/BatchMatMul.js';
import { castConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Cast.js';
import { ceilConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Ceil.js';
import { clipByValueConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/ClipByValue.js';
import { concatConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Concat.js';
import { conv2DConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Conv2D.js';
import { conv2DBackpropFilterConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Conv2DBackpropFilter.js';
import { conv2DBackpropInputConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Conv2DBackpropInput.js';
import { cosConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Cos.js';
import { coshConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Cosh.js';
import { equalConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Equal.js';
import { expConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Exp.js';
import { expm1Config } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Expm1.js';
import { fillConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Fill.js';
import { floorConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Floor.js';
import { gatherV2Config } from '@tensorflow/tfjs-backend-cpu/dist/kernels/GatherV2.js';
import { greaterConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Greater.js';
import { greaterEqualConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/GreaterEqual.js';
import { identityConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Identity.js';
import { isInfConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/IsInf.js';
import { lessConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Less.js';
import { lessEqualConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/LessEqual.js';
import { logConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Log.js';
import { log1pConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Log1p.js';
import { logicalAndConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/LogicalAnd.js';
import { logicalOrConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/LogicalOr.js';
import { maxConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Max.js';
import { maximumConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Maximum.js';
import { maxPoolConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/MaxPool.js';
import { maxPoolGradConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/MaxPoolGrad.js';
import { minConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Min.js';
import { minimumConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Minimum.js';
import { modConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Mod.js';
import { multiplyConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Multiply.js';
import { negConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Neg.js';
import { notEqualConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/NotEqual.js';
import { oneHotConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/OneHot.js';
import { onesLikeConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/OnesLike.js';
import { padV2Config } from '@tensorflow/tfjs-backend-cpu/dist/kernels/PadV2.js';
import { powConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Pow.js';
import { prodConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Prod.js';
import { realDivConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/RealDiv.js';
import { reciprocalConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Reciprocal.js';
import { reluConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Relu.js';
import { reshapeConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Reshape.js';
import { rsqrtConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Rsqrt.js';
import { scatterNdConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/ScatterNd.js';
import { selectConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Select.js';
import { sigmoidConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Sigmoid.js';
import { signConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Sign.js';
import { sinConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Sin.js';
import { sinhConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Sinh.js';
import { sliceConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Slice.js';
import { softplusConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Softplus.js';
import { sqrtConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Sqrt.js';
import { squareConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Square.js';
import { stridedSliceConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/StridedSlice.js';
import { subConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Sub.js';
import { sumConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Sum.js';
import { tanConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Tan.js';
import { tanhConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Tanh.js';
import { tileConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Tile.js';
import { topKConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/TopK.js';
import { transposeConfig } from '@tensorflow/tfjs-backend-cpu/dist/kernels/Transpose.js';
import { getKernel, type KernelConfig, registerKernel } from '@tensorflow/tfjs-core';

/** The kernel configs `registerCpuKernels` registers. @internal */
export const CPU_KERNELS: readonly KernelConfig[] = [
  absConfig,
  acosConfig,
  acoshConfig,
  addConfig,
  argMaxConfig,
  argMinConfig,
  asinConfig,
  asinhConfig,
  atanConfig,
  atanhConfig,
  batchMatMulConfig,
  castConfig,
  ceilConfig,
  clipByValueConfig,
  concatConfig,
  conv2DConfig,
  conv2DBackpropFilterConfig,
  conv2DBackpropInputConfig,
  cosConfig,
  coshConfig,
  equalConfig,
  expConfig,
  expm1Config,
  fillConfig,
  floorConfig,
  gatherV2Config,
  greaterConfig,
  greaterEqualConfig,
  identityConfig,
  isInfConfig,
  lessConfig,
  lessEqualConfig,
  logConfig,
  log1pConfig,
  logicalAndConfig,
  logicalOrConfig,
  maxConfig,
  maxPoolConfig,
  maxPoolGradConfig,
  maximumConfig,
  minConfig,
  minimumConfig,
  modConfig,
  multiplyConfig,
  negConfig,
  notEqualConfig,
  oneHotConfig,
  onesLikeConfig,
  padV2Config,
  powConfig,
  prodConfig,
  realDivConfig,
  reciprocalConfig,
  reluConfig,
  reshapeConfig,
  rsqrtConfig,
  scatterNdConfig,
  selectConfig,
  sigmoidConfig,
  signConfig,
  sinConfig,
  sinhConfig,
  sliceConfig,
  softplusConfig,
  sqrtConfig,
  squareConfig,
  stridedSliceConfig,
  subConfig,
  sumConfig,
  tanConfig,
  tanhConfig,
  tileConfig,
  topKConfig,
  transposeConfig,
];

/** Registers {@link CPU_KERNELS} for TF.js's 'cpu' backend, once. @internal */
export function registerCpuKernels(): void {
  for (const config of CPU_KERNELS) {
    if (getKernel(config.kernelName, config.backendName) === undefined) registerKernel(config);
  }
}
