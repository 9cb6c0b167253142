export { main } from './cli.js';
export {
  KNOWN_TFJS_NODE,
  processHost,
  type RunResult,
  type SetupHost,
  type SetupOptions,
  type SetupResult,
  setupTfjsNode,
} from './setup.js';
export { type SetupFailure, TfjsNodeSetupError } from './setup-error.js';
