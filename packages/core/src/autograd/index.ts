export { type AutogradBackwardOptions, backward, type GradOptions, grad } from './backward-api.js';
export { Function, type FunctionOutputs } from './function.js';
export { getSymbol } from './get-symbol.js';
export { markVariables } from './mark-variables.js';
export type { GradReq } from './node.js';
export { Scope } from './scope.js';
export {
  type PauseOptions,
  pause,
  predictMode,
  type RecordOptions,
  record,
  trainMode,
} from './scopes.js';
export { isRecording, isTraining, setRecording, setTraining } from './state.js';
