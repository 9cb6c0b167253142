export { AbstractMethodError } from './abstract-method-error.js';
export { DeferredInitializationError } from './deferred-initialization-error.js';
export { ParameterNotInitializedError } from './parameter-not-initialized-error.js';
