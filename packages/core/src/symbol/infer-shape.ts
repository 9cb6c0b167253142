import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { ShapeError } from '../errors/shape-error.js';
import { parseShapeAttr } from './attrs.js';
import type { MaybeShape } from './op-def.js';
import { getOpDef } from './op-registry.js';
import type { SymbolEntry, SymbolNode } from './symbol.js';

function same(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

const fmt = (s: readonly number[]): string => `[${s.join(',')}]`;

/** The shapes of every node output, inferred from the given variable shapes. @internal */
export interface InferredShapes {
  /** Shape of output `index` of `node`, or null when unknown. */
  shapeOf(entry: SymbolEntry): MaybeShape;
  /** Shape of a variable node, or null when unknown. */
  variable(node: SymbolNode): MaybeShape;
}

/**
 * nnvm's InferShape pass for the ops MXTS knows: variable shapes come from `known` (by
 * name) or their `__shape__` attribute; op rules then fill in the rest, forward and
 * backward, until nothing changes. Unknown names in `known` and inconsistent shapes throw.
 * @internal
 */
export function inferShapes(
  nodes: readonly SymbolNode[],
  known: Readonly<Record<string, readonly number[]>>,
): InferredShapes {
  const varNames = new Set(nodes.filter((n) => n.op === 'null').map((n) => n.name));
  for (const k of Object.keys(known)) {
    if (!varNames.has(k)) {
      throw new InvalidArgumentError(
        'inferShape',
        `Cannot find argument '${k}'. Possible arguments: ${[...varNames].join(', ')}`,
      );
    }
  }
  const shapes = new Map<SymbolNode, MaybeShape[]>();
  for (const n of nodes) {
    if (n.op === 'null') {
      const given = known[n.name];
      const attr = n.attrs['__shape__'];
      let s: MaybeShape = given !== undefined ? [...given] : null;
      if (s === null && attr !== undefined) {
        const parsed = parseShapeAttr(attr);
        // MXNet treats 0 dimensions as unknown.
        if (parsed !== null && parsed.length > 0 && parsed.every((d) => d > 0)) s = parsed;
      }
      shapes.set(n, [s]);
    } else {
      const def = getOpDef(n.op);
      const count = def ? def.outputNames(n.attrs).length : 1;
      shapes.set(
        n,
        Array.from({ length: count }, () => null),
      );
    }
  }
  const get = (e: SymbolEntry): MaybeShape => shapes.get(e.node)?.[e.index] ?? null;
  const assign = (e: SymbolEntry, s: MaybeShape, at: SymbolNode, what: string): boolean => {
    if (s === null) return false;
    const cur = get(e);
    if (cur === null) {
      shapes.get(e.node)![e.index] = [...s];
      return true;
    }
    if (!same(cur, s)) {
      throw new ShapeError(
        at.op,
        [cur, s],
        `Error in operator ${at.name}: Shape inconsistent for ${what}, Provided = ${fmt(cur)}, inferred shape=${fmt(s)}`,
      );
    }
    return false;
  };
  for (let pass = 0; pass <= nodes.length + 1; pass++) {
    let changed = false;
    const order = pass % 2 === 0 ? nodes : [...nodes].reverse();
    for (const n of order) {
      if (n.op === 'null') continue;
      const def = getOpDef(n.op);
      if (def === undefined) continue;
      const ins = n.inputs.map(get);
      const outs = shapes.get(n)!;
      const r = def.inferShape(n.attrs, ins, outs, n.name);
      const argNames = def.inputNames(n.attrs);
      r.inputs.forEach((s, i) => {
        const e = n.inputs[i];
        if (e === undefined) return;
        const what = `input ${argNames[i] ?? i} (${e.node.name})`;
        if (assign(e, s, n, what)) changed = true;
      });
      r.outputs.forEach((s, i) => {
        if (assign({ node: n, index: i }, s, n, `output ${i}`)) changed = true;
      });
    }
    if (!changed) break;
  }
  return {
    shapeOf: get,
    variable: (node) => get({ node, index: 0 }),
  };
}
