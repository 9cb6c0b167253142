/** Python's `warnings.warn`: Node's process warning where there is one, else console.warn. */
export function warn(message: string): void {
  const p = (globalThis as { process?: { emitWarning?: (m: string) => void } }).process;
  if (typeof p?.emitWarning === 'function') p.emitWarning(message);
  else console.warn(message);
}
