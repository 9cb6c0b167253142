/** The device families a backend can serve. */
export type DeviceType = 'cpu' | 'gpu';

/**
 * A device context, as MXNet's `mx.Context`: a device type and an id. Prints as `cpu(0)`.
 *
 * @example
 * const x = mx.nd.ones([2], { ctx: mx.gpu(0) });
 */
export class Context {
  constructor(
    readonly deviceType: DeviceType,
    readonly deviceId = 0,
  ) {}

  /** `cpu(0)`, `gpu(0)`: MXNet's `str(ctx)`. */
  toString(): string {
    return `${this.deviceType}(${this.deviceId})`;
  }

  /** True when both name the same device. */
  equals(other: Context): boolean {
    return this.deviceType === other.deviceType && this.deviceId === other.deviceId;
  }
}

/** MXNet's `mx.cpu(id)`. @example mx.nd.zeros([2], { ctx: mx.cpu() }) */
export function cpu(deviceId = 0): Context {
  return new Context('cpu', deviceId);
}

/** MXNet's `mx.gpu(id)`. @example mx.nd.zeros([2], { ctx: mx.gpu(0) }) */
export function gpu(deviceId = 0): Context {
  return new Context('gpu', deviceId);
}
