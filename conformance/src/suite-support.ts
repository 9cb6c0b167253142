import * as mx from '@mxts/core';

/** Runs `fn` with initializer/Module messages captured (restoring the handler after). */
export async function withLogs<T>(fn: (logs: mx.init.LogRecord[]) => T | Promise<T>): Promise<T> {
  const logs: mx.init.LogRecord[] = [];
  const prev = mx.init.setLogHandler((r) => logs.push(r));
  try {
    return await fn(logs);
  } finally {
    mx.init.setLogHandler(prev);
  }
}

/** Disposes arrays after `fn`, even when it throws. */
export async function disposingAfter<T>(
  arrays: mx.NDArray[],
  fn: () => T | Promise<T>,
): Promise<T> {
  try {
    return await fn();
  } finally {
    for (const a of arrays) a.dispose();
  }
}
