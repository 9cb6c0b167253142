import type { GradientTable } from '../autograd/gradient-table.js';
import { absGrad } from './abs-grad.js';
import { arccosGrad } from './arccos-grad.js';
import { arccoshGrad } from './arccosh-grad.js';
import { arcsinGrad } from './arcsin-grad.js';
import { arcsinhGrad } from './arcsinh-grad.js';
import { arctanGrad } from './arctan-grad.js';
import { arctanhGrad } from './arctanh-grad.js';
import { argmaxGrad } from './argmax-grad.js';
import { argminGrad } from './argmin-grad.js';
import { batchDotGrad } from './batch-dot-grad.js';
import { broadcastAddGrad } from './broadcast-add-grad.js';
import { broadcastDivGrad } from './broadcast-div-grad.js';
import { broadcastEqualGrad } from './broadcast-equal-grad.js';
import { broadcastGreaterEqualGrad } from './broadcast-greater-equal-grad.js';
import { broadcastGreaterGrad } from './broadcast-greater-grad.js';
import { broadcastLesserEqualGrad } from './broadcast-lesser-equal-grad.js';
import { broadcastLesserGrad } from './broadcast-lesser-grad.js';
import { broadcastMaximumGrad } from './broadcast-maximum-grad.js';
import { broadcastMinimumGrad } from './broadcast-minimum-grad.js';
import { broadcastMulGrad } from './broadcast-mul-grad.js';
import { broadcastNotEqualGrad } from './broadcast-not-equal-grad.js';
import { broadcastPowerGrad } from './broadcast-power-grad.js';
import { broadcastSubGrad } from './broadcast-sub-grad.js';
import { broadcastToGrad } from './broadcast-to-grad.js';
import { castGrad } from './cast-grad.js';
import { ceilGrad } from './ceil-grad.js';
import { clipGrad } from './clip-grad.js';
import { concatGrad } from './concat-grad.js';
import { conv2dBackpropFilterGrad } from './conv2d-backprop-filter-grad.js';
import { conv2dBackpropInputGrad } from './conv2d-backprop-input-grad.js';
import { conv2dGrad } from './conv2d-grad.js';
import { copyGrad } from './copy-grad.js';
import { cosGrad } from './cos-grad.js';
import { coshGrad } from './cosh-grad.js';
import { divScalarGrad } from './div-scalar-grad.js';
import { dotGrad } from './dot-grad.js';
import { elemwiseAddGrad } from './elemwise-add-grad.js';
import { elemwiseDivGrad } from './elemwise-div-grad.js';
import { elemwiseMulGrad } from './elemwise-mul-grad.js';
import { elemwiseSubGrad } from './elemwise-sub-grad.js';
import { equalScalarGrad } from './equal-scalar-grad.js';
import { expGrad } from './exp-grad.js';
import { expm1Grad } from './expm1-grad.js';
import { floorGrad } from './floor-grad.js';
import { greaterEqualScalarGrad } from './greater-equal-scalar-grad.js';
import { greaterScalarGrad } from './greater-scalar-grad.js';
import { lesserEqualScalarGrad } from './lesser-equal-scalar-grad.js';
import { lesserScalarGrad } from './lesser-scalar-grad.js';
import { logGrad } from './log-grad.js';
import { logSoftmaxGrad } from './log-softmax-grad.js';
import { log1pGrad } from './log1p-grad.js';
import { maxGrad } from './max-grad.js';
import { maxPool2dGatherGrad } from './max-pool2d-gather-grad.js';
import { maxPool2dGrad } from './max-pool2d-grad.js';
import { maxPool2dGradGrad } from './max-pool2d-grad-grad.js';
import { maximumScalarGrad } from './maximum-scalar-grad.js';
import { meanGrad } from './mean-grad.js';
import { minGrad } from './min-grad.js';
import { minimumScalarGrad } from './minimum-scalar-grad.js';
import { minusScalarGrad } from './minus-scalar-grad.js';
import { mulScalarGrad } from './mul-scalar-grad.js';
import { negativeGrad } from './negative-grad.js';
import { notEqualScalarGrad } from './not-equal-scalar-grad.js';
import { oneHotGrad } from './one-hot-grad.js';
import { pickGrad } from './pick-grad.js';
import { pickScatterGrad } from './pick-scatter-grad.js';
import { plusScalarGrad } from './plus-scalar-grad.js';
import { powerScalarGrad } from './power-scalar-grad.js';
import { prodGrad } from './prod-grad.js';
import { rdivScalarGrad } from './rdiv-scalar-grad.js';
import { reciprocalGrad } from './reciprocal-grad.js';
import { reluGrad } from './relu-grad.js';
import { reluGradGrad } from './relu-grad-grad.js';
import { reshapeGrad } from './reshape-grad.js';
import { rminusScalarGrad } from './rminus-scalar-grad.js';
import { roundGrad } from './round-grad.js';
import { rpowerScalarGrad } from './rpower-scalar-grad.js';
import { rsqrtGrad } from './rsqrt-grad.js';
import { sgdUpdateGrad } from './sgd-update-grad.js';
import { sigmoidGrad } from './sigmoid-grad.js';
import { signGrad } from './sign-grad.js';
import { sinGrad } from './sin-grad.js';
import { sinhGrad } from './sinh-grad.js';
import { sliceGrad } from './slice-grad.js';
import { sliceScatterGrad } from './slice-scatter-grad.js';
import { softreluGrad } from './softrelu-grad.js';
import { sqrtGrad } from './sqrt-grad.js';
import { squareGrad } from './square-grad.js';
import { stopGradientGrad } from './stop-gradient-grad.js';
import { sumGrad } from './sum-grad.js';
import { takeGrad } from './take-grad.js';
import { takeScatterGrad } from './take-scatter-grad.js';
import { tanGrad } from './tan-grad.js';
import { tanhGrad } from './tanh-grad.js';
import { tileGrad } from './tile-grad.js';
import { topkGrad } from './topk-grad.js';
import { transposeGrad } from './transpose-grad.js';
import { whereGrad } from './where-grad.js';

/** The gradient rule of every primitive kernel, written with ops (so createGraph works). */
export const gradients: GradientTable = {
  exp: expGrad,
  log: logGrad,
  sqrt: sqrtGrad,
  rsqrt: rsqrtGrad,
  square: squareGrad,
  abs: absGrad,
  negative: negativeGrad,
  reciprocal: reciprocalGrad,
  sin: sinGrad,
  cos: cosGrad,
  tan: tanGrad,
  sinh: sinhGrad,
  cosh: coshGrad,
  tanh: tanhGrad,
  arcsin: arcsinGrad,
  arccos: arccosGrad,
  arctan: arctanGrad,
  arcsinh: arcsinhGrad,
  arccosh: arccoshGrad,
  arctanh: arctanhGrad,
  expm1: expm1Grad,
  log1p: log1pGrad,
  logSoftmax: logSoftmaxGrad,
  sigmoid: sigmoidGrad,
  relu: reluGrad,
  reluGrad: reluGradGrad,
  softrelu: softreluGrad,
  sign: signGrad,
  floor: floorGrad,
  ceil: ceilGrad,
  round: roundGrad,
  broadcastAdd: broadcastAddGrad,
  broadcastSub: broadcastSubGrad,
  broadcastMul: broadcastMulGrad,
  broadcastDiv: broadcastDivGrad,
  broadcastPower: broadcastPowerGrad,
  broadcastMaximum: broadcastMaximumGrad,
  broadcastMinimum: broadcastMinimumGrad,
  broadcastEqual: broadcastEqualGrad,
  broadcastNotEqual: broadcastNotEqualGrad,
  broadcastGreater: broadcastGreaterGrad,
  broadcastGreaterEqual: broadcastGreaterEqualGrad,
  broadcastLesser: broadcastLesserGrad,
  broadcastLesserEqual: broadcastLesserEqualGrad,
  elemwiseAdd: elemwiseAddGrad,
  elemwiseSub: elemwiseSubGrad,
  elemwiseMul: elemwiseMulGrad,
  elemwiseDiv: elemwiseDivGrad,
  plusScalar: plusScalarGrad,
  minusScalar: minusScalarGrad,
  rminusScalar: rminusScalarGrad,
  mulScalar: mulScalarGrad,
  divScalar: divScalarGrad,
  rdivScalar: rdivScalarGrad,
  powerScalar: powerScalarGrad,
  rpowerScalar: rpowerScalarGrad,
  maximumScalar: maximumScalarGrad,
  minimumScalar: minimumScalarGrad,
  equalScalar: equalScalarGrad,
  notEqualScalar: notEqualScalarGrad,
  greaterScalar: greaterScalarGrad,
  greaterEqualScalar: greaterEqualScalarGrad,
  lesserScalar: lesserScalarGrad,
  lesserEqualScalar: lesserEqualScalarGrad,
  sum: sumGrad,
  mean: meanGrad,
  max: maxGrad,
  min: minGrad,
  prod: prodGrad,
  batchDot: batchDotGrad,
  dot: dotGrad,
  conv2d: conv2dGrad,
  conv2dBackpropInput: conv2dBackpropInputGrad,
  conv2dBackpropFilter: conv2dBackpropFilterGrad,
  maxPool2d: maxPool2dGrad,
  maxPool2dGrad: maxPool2dGradGrad,
  maxPool2dGather: maxPool2dGatherGrad,
  argmax: argmaxGrad,
  argmin: argminGrad,
  topk: topkGrad,
  reshape: reshapeGrad,
  transpose: transposeGrad,
  broadcastTo: broadcastToGrad,
  slice: sliceGrad,
  sliceScatter: sliceScatterGrad,
  concat: concatGrad,
  tile: tileGrad,
  where: whereGrad,
  clip: clipGrad,
  oneHot: oneHotGrad,
  take: takeGrad,
  takeScatter: takeScatterGrad,
  pick: pickGrad,
  pickScatter: pickScatterGrad,
  sgdUpdate: sgdUpdateGrad,
  cast: castGrad,
  copy: copyGrad,
  stopGradient: stopGradientGrad,
};
