let npOn = false;

/** MXNet `npx.is_np_array()`: true after `npx.setNp()`. @example mx.npx.isNp() */
export function isNp(): boolean {
  return npOn;
}

/** @internal Sets the np flag (`npx.setNp` / `npx.resetNp`). */
export function setNpState(on: boolean): void {
  npOn = on;
}
