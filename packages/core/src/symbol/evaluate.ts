import { pause, record } from '../autograd/scopes.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { UnsupportedOperatorError } from '../errors/unsupported-operator-error.js';
import { disposeCreated } from '../memory/collect.js';
import { NDArray } from '../ndarray/ndarray.js';
import { checkOptions, describe } from '../validate/check-args.js';
import { getOpDef } from './op-registry.js';
import { Symbol, type SymbolNode } from './symbol.js';

/** Options of {@link evaluateSymbol}. */
export interface EvaluateOptions {
  /** Training mode: BatchNorm uses batch statistics and updates its auxiliary states. */
  isTrain?: boolean;
}

/**
 * Runs a symbol's graph on arrays with `mx.nd` ops (what MXNet's executor does in
 * `forward`), with recording paused. `values` gives every variable (arguments and
 * auxiliary states) by name; auxiliary states may be written in place (BatchNorm in
 * training). Returns the symbol's outputs as new arrays (a variable head returns its input);
 * every intermediate array is freed.
 *
 * MXNet equivalent: `sym.bind(ctx, args, aux_states=...).forward(is_train)` / `sym.eval`.
 * @example
 * const [y] = mx.sym.evaluate(fc, new Map([['data', x], ['fullyconnected0_weight', w], ['fullyconnected0_bias', b]]));
 */
export function evaluateSymbol(
  symbol: Symbol,
  values: ReadonlyMap<string, NDArray> | Readonly<Record<string, NDArray>>,
  options: EvaluateOptions = {},
): NDArray[] {
  if (!(symbol instanceof Symbol)) {
    throw new InvalidArgumentError(
      'evaluate',
      `symbol must be an mx.sym Symbol, got ${describe(symbol)}; build one with mx.sym.Variable and mx.sym ops, or mx.sym.loadJson`,
    );
  }
  if (values === null || typeof values !== 'object' || Array.isArray(values)) {
    throw new InvalidArgumentError(
      'evaluate',
      `values must be a Map or an object of NDArrays by argument name, got ${describe(values)}`,
    );
  }
  checkOptions('evaluate', options);
  if (options.isTrain !== undefined && typeof options.isTrain !== 'boolean') {
    throw new InvalidArgumentError(
      'evaluate',
      `isTrain must be a boolean, got ${describe(options.isTrain)}`,
    );
  }
  const lookup =
    values instanceof Map
      ? (k: string) => (values as ReadonlyMap<string, NDArray>).get(k)
      : (k: string) => (values as Readonly<Record<string, NDArray>>)[k];
  const isTrain = options.isTrain ?? false;
  const nodes = symbol.topoNodes();
  // Before any array is read or made: a loaded graph may use an operator MXTS lacks.
  for (const n of nodes) {
    if (n.op !== 'null' && getOpDef(n.op) === undefined) {
      throw new UnsupportedOperatorError('forward', n.op, n.name);
    }
  }
  return pause(() => runNodes(symbol, nodes, lookup, isTrain), { trainMode: isTrain });
}

/**
 * Runs a symbol's graph under `autograd.record` (training mode as given), so that arrays
 * marked as variables among `values` get gradients from a backward of the outputs: what
 * MXNet's executor does in `forward(is_train=True)` before `backward`. Intermediates are
 * freed; the graph keeps what the gradients need. @internal
 */
export function evaluateRecorded(
  symbol: Symbol,
  values: ReadonlyMap<string, NDArray>,
  isTrain: boolean,
): NDArray[] {
  const nodes = symbol.topoNodes();
  return record(() => runNodes(symbol, nodes, (k) => values.get(k), isTrain), {
    trainMode: isTrain,
  });
}

function runNodes(
  symbol: Symbol,
  nodes: readonly SymbolNode[],
  lookup: (name: string) => NDArray | undefined,
  isTrain: boolean,
): NDArray[] {
  return disposeCreated(() => {
    const results = new Map<SymbolNode, NDArray[]>();
    for (const n of nodes) {
      if (n.op === 'null') {
        const v = lookup(n.name);
        if (v === undefined) {
          throw new InvalidArgumentError(
            'forward',
            `no array for argument '${n.name}' (pass every argument and auxiliary state)`,
          );
        }
        if (!(v instanceof NDArray)) {
          throw new InvalidArgumentError(
            'forward',
            `the value of argument '${n.name}' must be an NDArray, got ${describe(v)}`,
          );
        }
        results.set(n, [v]);
        continue;
      }
      const def = getOpDef(n.op)!;
      const inputs = n.inputs.map((e) => {
        const v = results.get(e.node)![e.index];
        if (v === undefined) {
          // A file may use an output MXTS does not compute (a oneDNN workspace).
          throw new InvalidArgumentError(
            'forward',
            `${n.name} uses output ${e.index} of ${e.node.name}, which MXTS's ${e.node.op} does not compute`,
          );
        }
        return v;
      });
      results.set(n, def.forward(n.attrs, inputs, { isTrain, name: n.name }));
    }
    return symbol.outputs.map((e) => {
      const v = results.get(e.node)![e.index];
      if (v === undefined) {
        throw new InvalidArgumentError(
          'forward',
          `output ${e.index} of ${e.node.name} is not computed by MXTS's ${e.node.op}`,
        );
      }
      return v;
    });
  });
}
