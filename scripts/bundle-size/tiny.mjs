// A tiny program for the tree-shaking check: it calls sgdUpdate and none of the other
// optimizer updates, so a bundle of it must contain 'sgdUpdate' and not 'ftmlUpdate'.
import * as mx from '@mxts/core';

const w = mx.nd.ones([2]);
mx.nd.sgdUpdate(w, mx.nd.ones([2]), { lr: 0.1, out: w });
console.log(w.dataSync());
