import { MXNetError } from '@mxts/core';

/**
 * The thread counts TensorFlow runs with in this process, as `createTfjsNodeBackend` set them
 * (or found them) when tfjs-node's binding was loaded.
 *
 * @example
 * const t: ThreadCounts = { intraOp: 2, interOp: 2, description: '2 intra-op and 2 inter-op threads' };
 */
export interface ThreadCounts {
  /** `TF_NUM_INTRAOP_THREADS`: threads one op runs on; null when TensorFlow picks. */
  intraOp: number | null;
  /** `TF_NUM_INTEROP_THREADS`: ops that run at once; null when TensorFlow picks. */
  interOp: number | null;
  /** How the backend's description says it. */
  description: string;
}

/**
 * Raised by `createTfjsNodeBackend({ intraOpThreads, interOpThreads })` when tfjs-node's
 * binding is already loaded in this process with other thread counts: TensorFlow reads them
 * once, when the binding creates its context.
 *
 * @example
 * await createTfjsNodeBackend({ intraOpThreads: 1 });
 * await createTfjsNodeBackend({ intraOpThreads: 4 }).catch((e) => e instanceof TfjsNodeThreadsError); // true
 */
export class TfjsNodeThreadsError extends MXNetError {
  override readonly name = 'TfjsNodeThreadsError';

  constructor(
    readonly requested: { intraOp?: number; interOp?: number },
    readonly current: ThreadCounts,
  ) {
    super(
      `createTfjsNodeBackend: TensorFlow already runs with ${current.description} in this ` +
        `process (tfjs-node's binding reads TF_NUM_INTRAOP_THREADS and TF_NUM_INTEROP_THREADS once, ` +
        `when it loads), so ${JSON.stringify(requested)} cannot take effect. Pass the thread ` +
        'counts to the first createTfjsNodeBackend call, before anything imports tfjs-node, or set ' +
        'those variables when starting Node.',
    );
  }
}

const ENV = { intraOp: 'TF_NUM_INTRAOP_THREADS', interOp: 'TF_NUM_INTEROP_THREADS' } as const;

let atLoad: ThreadCounts | null = null;

function fromEnv(name: string): number | null {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : null;
}

function describe(intraOp: number | null, interOp: number | null): string {
  const n = (v: number | null) => (v === null ? "TensorFlow's default number of" : String(v));
  return `${n(intraOp)} intra-op and ${n(interOp)} inter-op threads`;
}

/**
 * Sets `TF_NUM_INTRAOP_THREADS` and `TF_NUM_INTEROP_THREADS` before tfjs-node's binding loads:
 * the options first, then what the user exported, then the machine's logical cores. When the
 * binding is already loaded, returns the counts it loaded with, and rejects requests for others.
 * `markThreadsLoaded` records them once the load succeeded.
 */
export async function threadsForLoad(
  options: { intraOpThreads?: number; interOpThreads?: number },
  alreadyLoaded: boolean,
): Promise<ThreadCounts> {
  const requested = { intraOp: options.intraOpThreads, interOp: options.interOpThreads };
  if (alreadyLoaded || atLoad !== null) {
    // Loaded by an earlier call, or by the program's own import of tfjs-node.
    atLoad ??= {
      intraOp: fromEnv(ENV.intraOp),
      interOp: fromEnv(ENV.interOp),
      description: describe(fromEnv(ENV.intraOp), fromEnv(ENV.interOp)),
    };
    const clash = (['intraOp', 'interOp'] as const).some(
      (k) => requested[k] !== undefined && requested[k] !== atLoad?.[k],
    );
    if (clash) throw new TfjsNodeThreadsError(requested, atLoad);
    return atLoad;
  }
  const { availableParallelism } = await import('node:os');
  const cores = availableParallelism();
  const counts = { intraOp: cores, interOp: cores };
  for (const k of ['intraOp', 'interOp'] as const) {
    counts[k] = requested[k] ?? fromEnv(ENV[k]) ?? cores;
    process.env[ENV[k]] = String(counts[k]);
  }
  return { ...counts, description: describe(counts.intraOp, counts.interOp) };
}

/** Records the counts the binding loaded with, once it has loaded. */
export function markThreadsLoaded(counts: ThreadCounts): void {
  atLoad ??= counts;
}

/** Forgets the recorded counts (tests load fake bindings). */
export function resetThreadsForTests(): void {
  atLoad = null;
}
