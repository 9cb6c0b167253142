import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { NoPatternMatchError } from '../errors/no-pattern-match-error.js';
import type { NDArray } from '../ndarray/ndarray.js';
import type { InitDesc } from './init-desc.js';
import type { InitializerLike } from './initializer.js';
import { pythonMatcher } from './python-regex.js';

// Python's re.compile raises re.error on a bad pattern; here it is a typed error naming Mixed.
function compile(pattern: string, i: number): RegExp {
  try {
    return pythonMatcher(pattern);
  } catch (e) {
    throw new InvalidArgumentError(
      'Mixed',
      `patterns[${i}] '${pattern}' is not a valid regular expression (${e instanceof Error ? e.message : String(e)})`,
    );
  }
}

/**
 * MXNet `mx.init.Mixed(patterns, initializers)`: initializes each parameter with the first
 * initializer whose pattern matches its name. Patterns are Python regular expressions
 * matched with `re.match`, i.e. anchored at the **start** of the name (`'bias'` does not
 * match `fc_bias`; `'.*bias'` does). The name (or InitDesc) is passed on unchanged, so the
 * chosen initializer still dispatches by name: a bias gets 0 from `Uniform` too.
 *
 * @example
 * const init = new mx.init.Mixed(['bias', '.*'], [new mx.init.Zero(), new mx.init.Uniform(0.1)]);
 * mod.initParams(init);
 */
export class Mixed implements InitializerLike {
  /** MXNet's `self.map`: (compiled pattern, initializer) pairs, in order. */
  readonly map: readonly (readonly [RegExp, InitializerLike])[];
  /** The patterns as given. */
  readonly patterns: readonly string[];

  constructor(patterns: readonly string[], initializers: readonly InitializerLike[]) {
    if (!Array.isArray(patterns) || patterns.some((p) => typeof p !== 'string')) {
      throw new InvalidArgumentError(
        'Mixed',
        'patterns must be a list of strings (Python regexes)',
      );
    }
    if (!Array.isArray(initializers)) {
      throw new InvalidArgumentError('Mixed', 'initializers must be a list of initializers');
    }
    if (patterns.length !== initializers.length) {
      throw new InvalidArgumentError(
        'Mixed',
        `patterns and initializers must have the same length (got ${patterns.length} patterns and ${initializers.length} initializers)`,
      );
    }
    for (const init of initializers) {
      if (typeof (init as InitializerLike)?.apply !== 'function') {
        throw new InvalidArgumentError(
          'Mixed',
          'every initializer must be an Initializer, Mixed or Load instance',
        );
      }
    }
    this.patterns = [...patterns];
    this.map = patterns.map((p, i) => [compile(p, i), initializers[i]] as const);
  }

  /**
   * MXNet `__call__(name, arr)`: applies the first matching initializer.
   * @example init.apply(new mx.init.InitDesc('fc_weight'), w);
   */
  apply(desc: InitDesc | string, arr: NDArray): void {
    const name = String(desc);
    for (const [re, init] of this.map) {
      if (re.test(name)) {
        init.apply(desc, arr);
        return;
      }
    }
    throw new NoPatternMatchError(name, this.patterns);
  }
}
