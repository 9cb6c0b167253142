import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { NotInSymbolGraphError } from '../errors/not-in-symbol-graph-error.js';
import { NDArray } from '../ndarray/ndarray.js';
import { type BoundarySummary, boundaryOf } from '../symbol/boundary.js';
import { kernelOpNames } from '../symbol/kernel-op-names.js';
import { attrString, pyFloatRepr } from '../symbol/py-repr.js';
import { Symbol, type SymbolEntry, type SymbolNode } from '../symbol/symbol.js';
import { type Entry, isLive, type Node } from './node.js';

/**
 * MXNet `autograd.get_symbol(x)`: the recorded history of `x` as a Symbol, with MXNet's
 * node names (`var<c>`, `null<c>`, `node_<n>`) and op names.
 *
 * @example
 * const y = mx.autograd.record(() => x.mul(x).add(x.mul(2)).sub(1));
 * mx.autograd.getSymbol(y).listArguments().length; // 1
 */
export function getSymbol(x: NDArray): Symbol {
  if (!(x instanceof NDArray)) {
    throw new InvalidArgumentError(
      'getSymbol',
      `Invalid argument type, expecting NDArray, got ${typeof x}`,
    );
  }
  if (!isLive(x._entry)) throw new NotInSymbolGraphError();
  const made = new Map<Node, SymbolNode>();
  const summarized = new Map<BoundarySummary, SymbolNode>();
  const convertEntry = (e: Entry): SymbolEntry => {
    const b = boundaryOf(e.node, e.index);
    if (b === null) return { node: convert(e.node), index: e.index };
    return { node: convertSummary(b.summary, e.node), index: b.output };
  };
  // A composite op (Dropout, FullyConnected, split, ...) is one node with MXNet's operator
  // name and the user's arguments, named after the primitive that made its output.
  const convertSummary = (sm: BoundarySummary, outNode: Node): SymbolNode => {
    let s = summarized.get(sm);
    if (s !== undefined) return s;
    const inputs = sm.inputs.map(convertEntry);
    s = {
      op: sm.op,
      name: outNode.name,
      attrs: { ...sm.attrs },
      inputs,
      ...(sm.numOutputs !== 1 ? { numOutputs: sm.numOutputs } : {}),
    };
    summarized.set(sm, s);
    return s;
  };
  const convert = (node: Node): SymbolNode => {
    let s = made.get(node);
    if (s !== undefined) return s;
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(node.attrs)) {
      // MXNet stores a scalar operand as float(s): `2*x` records "2.0".
      attrs[k] = k === 'scalar' ? pyFloatRepr(v as number) : attrString(v);
    }
    s = {
      op: (kernelOpNames as Record<string, string>)[node.op] ?? node.op,
      name: node.name,
      attrs,
      inputs: node.inputs.map(convertEntry),
    };
    made.set(node, s);
    return s;
  };
  return new Symbol([convertEntry(x._entry)]);
}
