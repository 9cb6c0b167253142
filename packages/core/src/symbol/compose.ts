import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { NameManager } from './name-manager.js';
import type { OpDef } from './op-def.js';
import { Symbol, type SymbolEntry, type SymbolNode } from './symbol.js';

/** A variable node (op `null`). @internal */
export function variableNode(name: string, attrs: Record<string, string> = {}): SymbolNode {
  return { op: 'null', name, attrs, inputs: [] };
}

/**
 * Creates an op symbol as MXNet's generated `mx.sym.<Op>` functions do: names the node
 * (`name`, or the current NameManager's `<hint><n>`), takes the given input symbols by
 * argument name, creates a variable `<node name>_<arg>` for each missing one, and lets the
 * op set attributes on its variable inputs (`FSetInputVarAttrOnCompose`). @internal
 */
export function composeOp(
  def: OpDef,
  attrs: Record<string, string>,
  inputs: Readonly<Record<string, Symbol | undefined | null>>,
  name?: string | null,
): Symbol {
  const nodeName = NameManager.current.get(name, def.hint);
  const argNames = def.inputNames(attrs);
  for (const [k, v] of Object.entries(inputs)) {
    if (v === undefined || v === null) continue;
    if (!(v instanceof Symbol)) {
      throw new InvalidArgumentError(
        def.op,
        `input ${k} must be a Symbol, got ${typeof v} (use mx.sym.Variable for inputs)`,
      );
    }
    if (!argNames.includes(k)) {
      throw new InvalidArgumentError(
        def.op,
        `Keyword argument name ${k} not found. Candidate arguments: [${argNames.join(', ')}]`,
      );
    }
  }
  const entries: SymbolEntry[] = argNames.map((arg) => {
    const s = inputs[arg];
    if (s === undefined || s === null) {
      return { node: variableNode(`${nodeName}_${arg}`), index: 0 };
    }
    if (s.outputs.length !== 1) {
      throw new InvalidArgumentError(
        def.op,
        `input ${arg} has ${s.outputs.length} outputs; pass a symbol with exactly one output`,
      );
    }
    return s.outputs[0];
  });
  entries.forEach((e, i) => {
    if (e.node.op === 'null') {
      def.setInputVarAttrs?.(attrs, i, e.node.attrs as Record<string, string>);
    }
  });
  const node: SymbolNode = { op: def.op, name: nodeName, attrs, inputs: entries };
  const visible = def.numVisibleOutputs?.(attrs) ?? def.outputNames(attrs).length;
  return new Symbol(Array.from({ length: visible }, (_, index) => ({ node, index })));
}
