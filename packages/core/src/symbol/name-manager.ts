/**
 * MXNet's `mx.name.NameManager`: names symbols created without `name=`, as
 * `<hint><counter>` with one counter per hint (`fullyconnected0`, `fullyconnected1`, ...).
 * One manager is current at a time; the process starts with one whose counters run for the
 * whole process, as in MXNet. Entering a new manager (`run`, or `using` with `enter()`)
 * gives fresh counters until it is left.
 *
 * @example
 * new mx.name.NameManager().run(() => mx.sym.FullyConnected(data, { numHidden: 1 }).name);
 * // 'fullyconnected0', whatever was created before
 * {
 *   using _names = new mx.name.NameManager().enter();
 *   mx.sym.Activation(data, { actType: 'relu' }).name; // 'activation0'
 * }
 */
export class NameManager implements Disposable {
  private static currentManager: NameManager | null = null;
  private readonly counter = new Map<string, number>();
  private readonly saved: (NameManager | null)[] = [];

  /**
   * The manager in effect (MXNet's `NameManager._current.value`).
   * @example mx.name.NameManager.current.get(null, 'fullyconnected'); // 'fullyconnected<n>'
   */
  static get current(): NameManager {
    NameManager.currentManager ??= new NameManager();
    return NameManager.currentManager;
  }

  /**
   * MXNet `get(name, hint)`: `name` when given, else `hint + counter[hint]` (then the
   * counter advances).
   * @example new mx.name.NameManager().get(null, 'conv'); // 'conv0'
   */
  get(name: string | null | undefined, hint: string): string {
    if (name) return name;
    const n = this.counter.get(hint) ?? 0;
    this.counter.set(hint, n + 1);
    return `${hint}${n}`;
  }

  /**
   * MXNet `__enter__`: makes this manager current until `[Symbol.dispose]()` (what `using`
   * calls) restores the previous one.
   * @example { using _m = new mx.name.NameManager().enter(); ... }
   */
  enter(): this {
    this.saved.push(NameManager.currentManager);
    NameManager.currentManager = this;
    return this;
  }

  /** MXNet `__exit__`: restores the manager that was current before `enter()`. */
  [Symbol.dispose](): void {
    if (this.saved.length === 0) return;
    NameManager.currentManager = this.saved.pop() ?? null;
  }

  /**
   * Runs `fn` with this manager current (MXNet's `with NameManager(): ...`).
   * @example const s = new mx.name.NameManager().run(() => mx.sym.FullyConnected(d, { numHidden: 2 }));
   */
  run<T>(fn: () => T): T {
    this.enter();
    try {
      return fn();
    } finally {
      this[Symbol.dispose]();
    }
  }
}
