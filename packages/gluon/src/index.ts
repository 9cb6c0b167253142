/**
 * `@mxts/gluon`: MXNet's Gluon API (`mxnet.gluon`) over `@mxts/core`.
 *
 * @example
 * import * as gluon from '@mxts/gluon';
 */
export const version = '0.0.0';
