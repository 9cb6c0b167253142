/** One node of a symbolic graph: an op (or 'null' for a variable) and its inputs. */
export interface SymbolNode {
  readonly op: string;
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly inputs: readonly SymbolEntry[];
}

/** An output of a node. */
export interface SymbolEntry {
  readonly node: SymbolNode;
  readonly index: number;
}

const MXNET_VERSION = 10901;

/**
 * MXNet's `mx.sym.Symbol`: a graph of ops, here as `autograd.getSymbol` returns it.
 *
 * @example
 * const s = mx.autograd.getSymbol(y);
 * s.listArguments(); // ['var0']
 * s.toJSON();        // MXNet's symbol JSON
 */
export class Symbol {
  constructor(readonly outputs: readonly SymbolEntry[]) {}

  /** Every node, inputs before the nodes that use them (DFS post-order, as nnvm). */
  topoNodes(): SymbolNode[] {
    const order: SymbolNode[] = [];
    const seen = new Set<SymbolNode>();
    const visit = (n: SymbolNode): void => {
      if (seen.has(n)) return;
      seen.add(n);
      for (const e of n.inputs) visit(e.node);
      order.push(n);
    };
    for (const o of this.outputs) visit(o.node);
    return order;
  }

  /** MXNet `list_arguments()`: names of the variable nodes, in DFS post-order. */
  listArguments(): string[] {
    return this.topoNodes()
      .filter((n) => n.op === 'null')
      .map((n) => n.name);
  }

  /** MXNet `name`: the name of the single output's node. */
  get name(): string {
    return this.outputs[0].node.name;
  }

  /** MXNet `tojson()`: nnvm's graph JSON, 2-space indented with `, ` line ends. */
  toJSON(): string {
    const nodes = this.topoNodes();
    const id = new Map(nodes.map((n, i) => [n, i]));
    const row = (e: SymbolEntry) => `[${id.get(e.node)}, ${e.index}, 0]`;
    const nodeText = nodes.map((n) => {
      const lines = [
        `      "op": ${JSON.stringify(n.op)}`,
        `      "name": ${JSON.stringify(n.name)}`,
      ];
      const keys = Object.keys(n.attrs).sort();
      if (keys.length === 1)
        lines.push(
          `      "attrs": {${JSON.stringify(keys[0])}: ${JSON.stringify(n.attrs[keys[0]])}}`,
        );
      else if (keys.length > 1) {
        const kv = keys.map((k) => `        ${JSON.stringify(k)}: ${JSON.stringify(n.attrs[k])}`);
        lines.push(`      "attrs": {\n${kv.join(', \n')}\n      }`);
      }
      lines.push(`      "inputs": [${n.inputs.map(row).join(', ')}]`);
      return `    {\n${lines.join(', \n')}\n    }`;
    });
    const argNodes = nodes.flatMap((n, i) => (n.op === 'null' ? [i] : []));
    // Every node here has one output, so row i starts at i.
    const rowPtr = nodes.map((_, i) => `    ${i}`).concat(`    ${nodes.length}`);
    return [
      '{',
      `  "nodes": [\n${nodeText.join(', \n')}\n  ], `,
      `  "arg_nodes": [${argNodes.join(', ')}], `,
      `  "node_row_ptr": [\n${rowPtr.join(', \n')}\n  ], `,
      `  "heads": [${this.outputs.map(row).join(', ')}], `,
      `  "attrs": {"mxnet_version": ["int", ${MXNET_VERSION}]}`,
      '}',
    ].join('\n');
  }
}
