import type { Initializer } from './initializer.js';

type CreateFn = (spec: unknown) => Initializer;

let hook: CreateFn | null = null;

/**
 * Late binding of `mx.init.create` for the base class's `__init__` dispatch: the registry
 * imports every built-in initializer class, so the base class cannot import it. @internal
 */
export function setCreateHook(fn: CreateFn): void {
  hook = fn;
}

/** `create(spec)` through the registry. @internal */
export function createFromSpec(spec: unknown): Initializer {
  if (hook === null) {
    throw new Error(
      "mx.init's registry is not loaded: import the initializers through '@mxts/core' (mx.init)",
    );
  }
  return hook(spec);
}
