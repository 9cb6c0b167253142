/**
 * The MXNet class name of a Gluon object or class, for error messages, reprs and block
 * prefixes: the class's own `mxnetName` literal, as minifiers rename classes but not strings.
 * A user's subclass, which has none of its own, goes by its constructor's name, as in Python.
 * @internal
 */
export function mxnetName(target: object): string {
  const ctor = (typeof target === 'function' ? target : target.constructor) as {
    mxnetName?: string;
    name: string;
  };
  return Object.hasOwn(ctor, 'mxnetName') ? (ctor.mxnetName as string) : ctor.name;
}
