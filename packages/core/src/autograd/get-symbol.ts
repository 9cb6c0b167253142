import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { NotInSymbolGraphError } from '../errors/not-in-symbol-graph-error.js';
import { NDArray } from '../ndarray/ndarray.js';
import { type BoundarySummary, boundaryOf } from '../symbol/boundary.js';
import { kernelOpNames } from '../symbol/kernel-op-names.js';
import { attrString, pyFloatRepr } from '../symbol/py-repr.js';
import { Symbol, type SymbolEntry, type SymbolNode } from '../symbol/symbol.js';
import { type Entry, isLive, Node } from './node.js';

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
  // A unit is a primitive node, or a composite op (Dropout, FullyConnected, split, ...)
  // whose primitives are summarized as one node with MXNet's operator name and the user's
  // arguments, with the `node_<n>` its boundary took (MXNet counts once per operator).
  type Unit = Node | BoundarySummary;
  const unitOf = (e: Entry): { unit: Unit; index: number } => {
    const b = boundaryOf(e.node, e.index);
    return b === null ? { unit: e.node, index: e.index } : { unit: b.summary, index: b.output };
  };
  const inputsOf = (u: Unit): readonly Entry[] => (u instanceof Node ? u.inputs : u.inputs);
  const made = new Map<Unit, SymbolNode>();
  const entryOf = (e: Entry): SymbolEntry => {
    const { unit, index } = unitOf(e);
    return { node: made.get(unit)!, index };
  };
  const build = (u: Unit): SymbolNode => {
    if (!(u instanceof Node)) {
      return {
        op: u.op,
        name: u.name,
        attrs: { ...u.attrs },
        inputs: u.inputs.map(entryOf),
        ...(u.numOutputs !== 1 ? { numOutputs: u.numOutputs } : {}),
      };
    }
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(u.attrs)) {
      // MXNet stores a scalar operand as float(s): `2*x` records "2.0".
      attrs[k] = k === 'scalar' ? pyFloatRepr(v as number) : attrString(v);
    }
    return {
      op: (kernelOpNames as Record<string, string>)[u.op] ?? u.op,
      name: u.name,
      attrs,
      inputs: u.inputs.map(entryOf),
    };
  };
  // Inputs before users, with an explicit stack: a long recorded loop is a deep chain.
  const head = unitOf(x._entry);
  const stack: { unit: Unit; next: number }[] = [{ ...head, next: 0 }];
  const started = new Set<Unit>([head.unit]);
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const ins = inputsOf(top.unit);
    if (top.next < ins.length) {
      const child = unitOf(ins[top.next++]);
      if (!started.has(child.unit)) {
        started.add(child.unit);
        stack.push({ ...child, next: 0 });
      }
      continue;
    }
    stack.pop();
    made.set(top.unit, build(top.unit));
  }
  return new Symbol([entryOf(x._entry)]);
}
