import type { runBackward } from './autograd/backward.js';
import type { GradientTable } from './autograd/gradient-table.js';
import type { checkGradReq, markVariable } from './autograd/tape.js';
import { MXNetError } from './errors/mxnet-error.js';
import type { Initializer } from './initializer/initializer.js';
import type { InstalledOps } from './installed-ops.js';
import type * as creation from './ndarray/creation.js';
import type { shareAsNp } from './np/np-array.js';
import type * as npMethodsModule from './np/np-methods.js';
import type { broadcastToShape } from './ops/broadcast-to.js';
import type { evaluateSymbol } from './symbol/evaluate.js';
import type { inferShapes } from './symbol/infer-shape.js';
import type { getOpDef } from './symbol/op-registry.js';
import type * as arithmetic from './symbol/ops/arithmetic.js';

/**
 * What lower layers call in higher ones: NDArray's method forms reach the ops, the tape
 * reaches the gradient rules, the initializer base class reaches the registry, Symbol reaches
 * its executor. Everything here is typed with `import type`, so no module below the wiring
 * imports one above it at run time and the import graph stays acyclic (`pnpm test` checks).
 * `wiring.ts`, run by the package index, installs the one table.
 */
export interface Installed {
  readonly ops: InstalledOps;
  readonly rules: GradientTable;
  readonly creation: Pick<
    typeof creation,
    'array' | 'fromHost' | 'full' | 'zerosLike' | 'onesLike'
  >;
  readonly broadcastToShape: typeof broadcastToShape;
  readonly runBackward: typeof runBackward;
  readonly markVariable: typeof markVariable;
  readonly checkGradReq: typeof checkGradReq;
  readonly createInitializer: (spec: unknown) => Initializer;
  /** `NDArray.asNp`: the np view of an array (its methods come from {@link npMethods}). */
  readonly shareAsNp: typeof shareAsNp;
  readonly symbol: Pick<typeof arithmetic, 'symAdd' | 'symSub' | 'symMul' | 'symDiv' | 'symNeg'> & {
    readonly evaluateSymbol: typeof evaluateSymbol;
    readonly inferShapes: typeof inferShapes;
    readonly getOpDef: typeof getOpDef;
  };
}

let table: Installed | null = null;

/** Installs the table; `wiring.ts` calls it once. @internal */
export function install(t: Installed): void {
  table = t;
}

let npTable: typeof npMethodsModule | null = null;

/**
 * Installs what `mx.np.ndarray`'s method forms call. The np namespace's entry calls it, not
 * the wiring, so a bundle of a program that never touches `mx.np` leaves mx.np out. @internal
 */
export function installNpMethods(t: typeof npMethodsModule): void {
  npTable = t;
}

/** The np method table. @internal */
export function npMethods(): typeof npMethodsModule {
  if (npTable === null) {
    throw new MXNetError(
      "np: mx.np's functions are not in this bundle; reference mx.np (e.g. `import { np } from '@mxts/core'`) where you use np arrays",
    );
  }
  return npTable;
}

/** The installed table. @internal */
export function installed(): Installed {
  if (table === null) {
    throw new Error("@mxts/core is not wired: import it through its package entry ('@mxts/core')");
  }
  return table;
}
