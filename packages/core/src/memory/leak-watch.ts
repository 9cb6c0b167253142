import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { framesOpen } from './frames.js';

/** Options of {@link setLeakWarning}. */
export interface LeakWarningOptions {
  /** Consecutive training steps of rising live arrays before the warning (default 1000). */
  steps?: number;
}

const DEFAULT_STEPS = 1000;

function enabledByEnvironment(): boolean {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
    ?.env;
  return env?.MXTS_LEAK_WARNING !== '0';
}

let enabled = enabledByEnvironment();
let threshold = DEFAULT_STEPS;
let warned = false;
let last = -1;
let streak = 0;

/**
 * Turns the one-time memory-leak warning on or off (it is on unless the environment sets
 * `MXTS_LEAK_WARNING=0`). MXTS counts a training step at the end of each `backward()` or
 * `autograd.grad()` made outside every `mx.scope`; when the backends' live arrays have
 * risen at each of `steps` consecutive steps, it warns once (Node's `process.emitWarning`,
 * type `MXTSMemoryWarning`; `console.warn` elsewhere), naming the likely cause and the fix.
 * Switching it on again re-arms it.
 *
 * @example
 * mx.setLeakWarning(false); // a program that frees its arrays some other way
 * mx.setLeakWarning(true, { steps: 5000 });
 */
export function setLeakWarning(on: boolean, options: LeakWarningOptions = {}): void {
  if (typeof on !== 'boolean') {
    throw new InvalidArgumentError('setLeakWarning', `expected true or false, got ${String(on)}`);
  }
  const steps = options.steps ?? DEFAULT_STEPS;
  if (!Number.isInteger(steps) || steps < 1) {
    throw new InvalidArgumentError(
      'setLeakWarning',
      `steps must be a positive integer, got ${String(steps)}`,
    );
  }
  enabled = on;
  threshold = steps;
  warned = false;
  last = -1;
  streak = 0;
}

function emit(message: string): void {
  const proc = (globalThis as { process?: { emitWarning?: unknown } }).process;
  if (typeof proc?.emitWarning === 'function') {
    (proc.emitWarning as (m: string, o: object) => void)(message, {
      type: 'MXTSMemoryWarning',
      code: 'MXTS_LEAK',
    });
  } else {
    console.warn(`MXTSMemoryWarning: ${message}`);
  }
}

/**
 * @internal Called at the end of every backward pass with the backends' live-array count
 * (a function, so nothing is counted while the warning is off or inside a scope).
 */
export function noteTrainingStep(liveArrays: () => number): void {
  if (!enabled || warned) return;
  if (framesOpen()) {
    // Scoped loops free their arrays at the scope's end, not per step.
    last = -1;
    streak = 0;
    return;
  }
  const n = liveArrays();
  streak = last >= 0 && n > last ? streak + 1 : 0;
  last = n;
  if (streak < threshold) return;
  warned = true;
  emit(
    `live arrays rose at each of the last ${threshold} training steps (now ${n}). Arrays a ` +
      'program drops are freed by a finalizer, which cannot run inside a synchronous loop. ' +
      'Run each step in mx.scope(() => ...) (or `using _ = mx.scope()`), dispose() what a ' +
      'step returns once it is read, or await between steps; mx.memory() shows the count. ' +
      'mx.setLeakWarning(false) or MXTS_LEAK_WARNING=0 turns this warning off.',
  );
}
