import { NameManager } from './name-manager.js';

/**
 * MXNet's `mx.name.Prefix(prefix)`: a NameManager that puts `prefix` in front of every name,
 * given or generated.
 *
 * @example
 * new mx.name.Prefix('mynet_').run(() => mx.sym.FullyConnected(data, { numHidden: 2 }).name);
 * // 'mynet_fullyconnected0'
 */
export class Prefix extends NameManager {
  constructor(private readonly prefix: string) {
    super();
  }

  override get(name: string | null | undefined, hint: string): string {
    return this.prefix + super.get(name, hint);
  }
}
