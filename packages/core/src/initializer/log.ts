/**
 * Where the initializers and `mx.mod.Module` send what MXNet sends to Python's `logging` and
 * `warnings` modules.
 */

/**
 * One message. `level` follows Python's logging (`INFO` for `logging.info`, `WARNING` for
 * `logging.warning` and `warnings.warn`); `category` names the Python warning class.
 * @example const r: mx.init.LogRecord = { level: 'INFO', message: 'Initialized fc_weight as weight: 0.5' };
 */
export interface LogRecord {
  readonly level: 'INFO' | 'WARNING';
  readonly message: string;
  readonly category?: 'UserWarning' | 'DeprecationWarning';
}

/**
 * Receives log records; see {@link setLogHandler}.
 * @example const h: mx.init.LogHandler = (r) => console.log(r.message);
 */
export type LogHandler = (record: LogRecord) => void;

/**
 * What Python shows by default: `logging` at level WARNING drops INFO records, and
 * `DeprecationWarning`s are ignored outside `__main__`; the rest goes to stderr.
 */
const defaultHandler: LogHandler = (r) => {
  if (r.level === 'INFO' || r.category === 'DeprecationWarning') return;
  console.warn(r.category ? `${r.category}: ${r.message}` : `WARNING:root:${r.message}`);
};

let handler: LogHandler = defaultHandler;
/** Settles once every deferred record so far has been delivered (records keep their order). */
let chain: Promise<void> = Promise.resolve();
let deferred = 0;

/**
 * Installs the function that receives initializer and Module messages, and returns the
 * previous one. `null` restores the default, which behaves like Python's defaults: INFO
 * messages (`Initialized fc_weight as weight: ...`) and DeprecationWarnings are dropped,
 * other warnings go to `console.warn`.
 *
 * MXNet equivalent: `logging.basicConfig(level=logging.INFO)` / `warnings.simplefilter`.
 * @example
 * const lines: string[] = [];
 * const prev = mx.init.setLogHandler((r) => lines.push(`${r.level}:root:${r.message}`));
 * // ... later: mx.init.setLogHandler(prev);
 */
export function setLogHandler(next: LogHandler | null): LogHandler {
  const prev = handler;
  handler = next ?? defaultHandler;
  return prev;
}

function deliver(level: LogRecord['level'], message: string, category?: LogRecord['category']) {
  handler(category ? { level, message, category } : { level, message });
}

/**
 * Emits a record now, or, when its text is still being computed (a statistic read
 * asynchronously) or an earlier record is, once it and every earlier record are out. @internal
 */
export function emit(
  level: LogRecord['level'],
  message: string | Promise<string>,
  category?: LogRecord['category'],
): void {
  if (typeof message === 'string' && deferred === 0) {
    deliver(level, message, category);
    return;
  }
  deferred++;
  const text = Promise.resolve(message).then(
    (m) => m,
    (e: unknown) => `(statistic failed: ${(e as Error)?.message ?? e})`,
  );
  chain = chain
    .then(() => text)
    .then((m) => deliver(level, m, category))
    .catch(() => {})
    .finally(() => {
      deferred--;
    });
}

/**
 * Resolves once every message whose text was still being computed (a verbose initializer's
 * statistic, read asynchronously on backends without synchronous reads) has been emitted.
 *
 * @example
 * init.setVerbosity(true).apply(new mx.init.InitDesc('fc_weight'), w);
 * await mx.init.flushLogs();
 */
export async function flushLogs(): Promise<void> {
  while (deferred > 0) await chain;
}
