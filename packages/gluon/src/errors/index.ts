export { AbstractMethodError } from './abstract-method-error.js';
export { DatasetFilesMissingError } from './dataset-files-missing-error.js';
export { DeferredInitializationError } from './deferred-initialization-error.js';
export { ParameterNotInitializedError } from './parameter-not-initialized-error.js';
