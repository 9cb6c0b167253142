// The `mx.name` namespace: MXNet's automatic symbol naming.
export { NameManager } from './name-manager.js';
export { Prefix } from './prefix.js';
