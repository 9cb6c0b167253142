import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { UnsupportedOperatorError } from '../errors/unsupported-operator-error.js';
import { emit } from '../initializer/log.js';
import { installed } from '../installed.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { nodeFileSystem } from '../serialization/node-file-system.js';
import { type DmlcValue, writeDmlcJson } from './dmlc-json.js';
import type { EvaluateOptions } from './evaluate.js';

/** One node of a symbolic graph: an op (or 'null' for a variable) and its inputs. */
export interface SymbolNode {
  readonly op: string;
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly inputs: readonly SymbolEntry[];
  /**
   * Output count as the file that held the node says (`node_row_ptr`), where MXTS does not
   * know the op or counts differently (a oneDNN build's max Pooling has a workspace output);
   * otherwise the op counts its outputs itself.
   */
  readonly numOutputs?: number;
}

/** An output of a node. */
export interface SymbolEntry {
  readonly node: SymbolNode;
  readonly index: number;
}

const MXNET_VERSION = 10901;

/** Shapes by name, as `inferShape` takes them (MXNet's keyword arguments). */
export type ShapeDict = Readonly<Record<string, readonly number[]>>;

/** `shapes` must be an object of shapes (lists of non-negative integers) by argument name. */
function checkShapeDict(shapes: unknown): asserts shapes is ShapeDict {
  if (shapes === null || typeof shapes !== 'object' || Array.isArray(shapes)) {
    throw new InvalidArgumentError(
      'inferShape',
      `shapes must be an object of shapes by argument name, such as { data: [2, 3] }, got ${shapes === null ? 'null' : Array.isArray(shapes) ? 'a list' : typeof shapes}`,
    );
  }
  for (const [name, shape] of Object.entries(shapes)) {
    const ok =
      Array.isArray(shape) &&
      shape.every((d) => typeof d === 'number' && Number.isInteger(d) && d >= 0);
    if (!ok) {
      throw new InvalidArgumentError(
        'inferShape',
        `the shape of '${name}' must be a list of non-negative integers, got ${JSON.stringify(shape) ?? String(shape)}`,
      );
    }
  }
}

/** `inferShape`'s result: argument, output and auxiliary-state shapes, in list order. */
export type InferShapeResult = [number[][], number[][], number[][]];

/** Number of outputs of a node (1 for ops MXTS does not know). */
function numOutputs(n: SymbolNode): number {
  if (n.op === 'null') return 1;
  return n.numOutputs ?? installed().symbol.getOpDef(n.op)?.outputNames(n.attrs).length ?? 1;
}

/**
 * MXNet's `mx.sym.Symbol`: a graph of ops, built with `mx.sym.Variable`, `mx.sym.FullyConnected`,
 * ... or returned by `autograd.getSymbol`. Lists its arguments, auxiliary states and outputs,
 * infers shapes, serializes to MXNet's JSON, and composes with `add`/`sub`/`mul`/`div`.
 *
 * @example
 * const data = mx.sym.Variable('data');
 * const fc = mx.sym.FullyConnected(data, { numHidden: 1 });
 * fc.listArguments();                 // ['data', 'fullyconnected0_weight', 'fullyconnected0_bias']
 * fc.inferShape({ data: [1, 3] });    // [[[1, 3], [1, 3], [1]], [[1, 1]], []]
 * fc.toJSON();                        // MXNet's symbol JSON
 */
export class Symbol {
  constructor(readonly outputs: readonly SymbolEntry[]) {}

  /** Every node, inputs before the nodes that use them (DFS post-order, as nnvm). */
  topoNodes(): SymbolNode[] {
    const order: SymbolNode[] = [];
    const seen = new Set<SymbolNode>();
    // An explicit stack: a loaded graph may be a chain deeper than the call stack.
    const stack: { node: SymbolNode; next: number }[] = [];
    const push = (n: SymbolNode): void => {
      if (seen.has(n)) return;
      seen.add(n);
      stack.push({ node: n, next: 0 });
    };
    for (const o of this.outputs) {
      push(o.node);
      while (stack.length > 0) {
        const top = stack[stack.length - 1];
        if (top.next < top.node.inputs.length) push(top.node.inputs[top.next++].node);
        else {
          stack.pop();
          order.push(top.node);
        }
      }
    }
    return order;
  }

  /** Variable nodes that some op writes (auxiliary states), e.g. BatchNorm's moving stats. */
  private auxNodes(nodes: readonly SymbolNode[]): Set<SymbolNode> {
    const aux = new Set<SymbolNode>();
    for (const n of nodes) {
      if (n.op === 'null') continue;
      for (const i of installed().symbol.getOpDef(n.op)?.auxInputs?.(n.attrs) ?? []) {
        const e = n.inputs[i];
        if (e !== undefined && e.node.op === 'null') aux.add(e.node);
      }
    }
    return aux;
  }

  /**
   * MXNet `list_arguments()`: names of the variable nodes that are not auxiliary states,
   * in DFS post-order.
   * @example mx.sym.BatchNorm(data, { name: 'bn' }).listArguments(); // ['data', 'bn_gamma', 'bn_beta']
   */
  listArguments(): string[] {
    const nodes = this.topoNodes();
    const aux = this.auxNodes(nodes);
    return nodes.filter((n) => n.op === 'null' && !aux.has(n)).map((n) => n.name);
  }

  /**
   * MXNet `list_auxiliary_states()`: the variables ops update as state (BatchNorm's
   * `moving_mean` and `moving_var`), in DFS post-order.
   * @example mx.sym.BatchNorm(data, { name: 'bn' }).listAuxiliaryStates(); // ['bn_moving_mean', 'bn_moving_var']
   */
  listAuxiliaryStates(): string[] {
    const nodes = this.topoNodes();
    const aux = this.auxNodes(nodes);
    return nodes.filter((n) => aux.has(n)).map((n) => n.name);
  }

  /**
   * MXNet `list_inputs()`: every variable, arguments and auxiliary states, in DFS post-order.
   * @example mx.sym.BatchNorm(data, { name: 'bn' }).listInputs().length; // 5
   */
  listInputs(): string[] {
    return this.topoNodes()
      .filter((n) => n.op === 'null')
      .map((n) => n.name);
  }

  /**
   * MXNet `list_outputs()`: `<node>_<output>` for op outputs (`fullyconnected0_output`), the
   * name itself for a variable.
   * @example mx.sym.FullyConnected(data, { numHidden: 2 }).listOutputs(); // ['fullyconnected0_output']
   */
  listOutputs(): string[] {
    return this.outputs.map((e) => {
      const n = e.node;
      if (n.op === 'null') return n.name;
      const def = installed().symbol.getOpDef(n.op);
      const names = def?.outputNames(n.attrs);
      const out = names?.[e.index] ?? (numOutputs(n) === 1 ? 'output' : `output${e.index}`);
      return `${n.name}_${out}`;
    });
  }

  /** MXNet `name`: the name of the single output's node. */
  get name(): string {
    return this.outputs[0].node.name;
  }

  /**
   * MXNet `attr(key)`: an attribute of this symbol's node (`__init__`, `__shape__`, an op
   * parameter), or null.
   * @example mx.sym.Variable('w', { init: new mx.init.One() }).attr('__init__'); // '["one", {}]'
   */
  attr(key: string): string | null {
    if (this.outputs.length !== 1) return null;
    return this.outputs[0].node.attrs[key] ?? null;
  }

  /**
   * MXNet `list_attr()`: the attributes of this symbol's node.
   * @example mx.sym.Variable('x', { shape: [2] }).listAttr(); // { __shape__: '(2,)' }
   */
  listAttr(): Record<string, string> {
    return this.outputs.length === 1 ? { ...this.outputs[0].node.attrs } : {};
  }

  /**
   * MXNet `attr_dict()`: every node's attributes by node name (nodes without attributes are
   * left out). `Module.initParams` passes each parameter's entry to its InitDesc.
   * @example mx.sym.BatchNorm(data, { name: 'bn' }).attrDict()['bn_moving_var']; // { __init__: '["one", {}]' }
   */
  attrDict(): Record<string, Record<string, string>> {
    const out: Record<string, Record<string, string>> = {};
    for (const n of this.topoNodes()) {
      if (Object.keys(n.attrs).length > 0) out[n.name] = { ...n.attrs };
    }
    return out;
  }

  /**
   * MXNet `infer_shape(**kwargs)`: given some variables' shapes (by name), the shapes of
   * every argument, output and auxiliary state, each in its list order. When some cannot be
   * decided, MXNet warns and returns `(None, None, None)`: so does this (`[null, null, null]`).
   *
   * @example
   * const [args, outs, aux] = fc.inferShape({ data: [1, 3] })!;
   * // args [[1, 3], [1, 3], [1]], outs [[1, 1]], aux []
   */
  inferShape(shapes: ShapeDict): InferShapeResult | [null, null, null] {
    // A graph loaded from a file may use an operator MXTS has no shape rule for.
    for (const n of this.topoNodes()) {
      if (n.op !== 'null' && installed().symbol.getOpDef(n.op) === undefined) {
        throw new UnsupportedOperatorError('inferShape', n.op, n.name);
      }
    }
    const [args, outs, aux] = this.inferShapePartial(shapes);
    const names = this.listArguments();
    const unknown = names
      .map((n, i) => [n, args[i]] as const)
      .filter(([, s]) => s.length === 0 || s.some((d) => d === 0));
    const incomplete =
      unknown.length > 0 || outs.some((s) => s.length === 0) || aux.some((s) => s.length === 0);
    if (!incomplete) return [args, outs, aux];
    const listed = unknown.slice(0, 10).map(([n, s]) => `${n}: (${s.join(', ')})`);
    if (unknown.length > 10) listed.push('...');
    emit(
      'WARNING',
      `Cannot decide shape for the following arguments (0s in shape means unknown dimensions). Consider providing them as input:\n\t${listed.join('\n\t')}`,
      'UserWarning',
    );
    return [null, null, null];
  }

  /**
   * MXNet `infer_shape_partial(**kwargs)`: like `inferShape`, but unknown shapes come back
   * as `[]` instead of failing.
   * @example mx.sym.FullyConnected(data, { numHidden: 2 }).inferShapePartial({}); // [[[], [], []], [[]], []]
   */
  inferShapePartial(shapes: ShapeDict): InferShapeResult {
    checkShapeDict(shapes);
    const nodes = this.topoNodes();
    const inferred = installed().symbol.inferShapes(nodes, shapes);
    const aux = this.auxNodes(nodes);
    const vars = nodes.filter((n) => n.op === 'null');
    const shapeOf = (n: SymbolNode): number[] => [...(inferred.variable(n) ?? [])];
    return [
      vars.filter((n) => !aux.has(n)).map(shapeOf),
      this.outputs.map((e) => [...(inferred.shapeOf(e) ?? [])]),
      vars.filter((n) => aux.has(n)).map(shapeOf),
    ];
  }

  /**
   * MXNet `self + other`: `_Plus` with a symbol (node `_plus<n>`, op `elemwise_add`),
   * `_PlusScalar` with a number.
   * @example const c = a.add(b); const d = a.add(1);
   */
  add(other: Symbol | number): Symbol {
    return installed().symbol.symAdd(this, other);
  }

  /** MXNet `self - other` (`_Minus` / `_MinusScalar`). @example a.sub(b) */
  sub(other: Symbol | number): Symbol {
    return installed().symbol.symSub(this, other);
  }

  /** MXNet `other - self` for a number (`_RMinusScalar`). @example a.rsub(1) // 1 - a */
  rsub(other: number): Symbol {
    return installed().symbol.symSub(other, this);
  }

  /** MXNet `self * other` (`_Mul` / `_MulScalar`). @example a.mul(2) */
  mul(other: Symbol | number): Symbol {
    return installed().symbol.symMul(this, other);
  }

  /** MXNet `self / other` (`_Div` / `_DivScalar`). @example a.div(b) */
  div(other: Symbol | number): Symbol {
    return installed().symbol.symDiv(this, other);
  }

  /** MXNet `other / self` for a number (`_RDivScalar`). @example a.rdiv(1) // 1 / a */
  rdiv(other: number): Symbol {
    return installed().symbol.symDiv(other, this);
  }

  /** MXNet `-self` (`_MulScalar` with scalar `-1.0`). @example a.neg() */
  neg(): Symbol {
    return installed().symbol.symNeg(this);
  }

  /**
   * MXNet `eval(ctx=None, **kwargs)`: runs the graph on the given arrays (every argument and
   * auxiliary state, by name) and returns the outputs, as new arrays.
   * @example
   * const z = mx.sym.Variable('x').mul(2);
   * const [y] = z.eval({ x: mx.nd.array([1, 2]) }); // [2. 4.]
   */
  eval(
    args: ReadonlyMap<string, NDArray> | Readonly<Record<string, NDArray>>,
    options?: EvaluateOptions,
  ): NDArray[] {
    return installed().symbol.evaluateSymbol(this, args, options);
  }

  /** Python's `repr(sym)`: `<Symbol fullyconnected0>` (`<Symbol group [...]>` for several outputs). */
  toString(): string {
    if (this.outputs.length === 1) return `<Symbol ${this.name}>`;
    return `<Symbol group [${this.outputs.map((e) => e.node.name).join(', ')}]>`;
  }

  /**
   * MXNet `tojson()`: nnvm's graph JSON as dmlc's JSONWriter prints it (2-space indent, `", "`
   * line ends, short lists on one line), byte for byte what MXNet 1.9.1 writes for the same
   * graph. `mx.sym.loadJson` reads it back.
   * @example mx.sym.Variable('data').tojson(); // '{\n  "nodes": [\n    {\n      "op": "null", ...'
   */
  tojson(): string {
    const nodes = this.topoNodes();
    const id = new Map(nodes.map((n, i) => [n, i]));
    const entry = (e: SymbolEntry): DmlcValue => ({
      array: [id.get(e.node)!, e.index, 0],
      multiLine: false,
    });
    // dmlc breaks a list of numbers or node entries over lines past 10 items.
    const list = (items: DmlcValue[]): DmlcValue => ({
      array: items,
      multiLine: items.length > 10,
    });
    const nodeValues = nodes.map((n): DmlcValue => {
      const fields: [string, DmlcValue][] = [
        ['op', n.op],
        ['name', n.name],
      ];
      const keys = Object.keys(n.attrs).sort(byteOrder);
      if (keys.length > 0) {
        fields.push([
          'attrs',
          { object: keys.map((k) => [k, n.attrs[k]] as const), multiLine: keys.length > 1 },
        ]);
      }
      fields.push(['inputs', list(n.inputs.map(entry))]);
      return { object: fields, multiLine: true };
    });
    const rowPtr: number[] = [0];
    for (const n of nodes) rowPtr.push(rowPtr[rowPtr.length - 1] + numOutputs(n));
    return writeDmlcJson({
      object: [
        ['nodes', { array: nodeValues, multiLine: true }],
        ['arg_nodes', list(nodes.flatMap((n, i) => (n.op === 'null' ? [i] : [])))],
        ['node_row_ptr', list(rowPtr)],
        ['heads', list(this.outputs.map(entry))],
        [
          'attrs',
          {
            object: [['mxnet_version', { array: ['int', MXNET_VERSION], multiLine: false }]],
            multiLine: false,
          },
        ],
      ],
      multiLine: true,
    });
  }

  /**
   * MXNet `save(fname)`: writes {@link Symbol.tojson}'s text to a file (Node, Deno, Bun;
   * FileSystemUnavailableError in a browser). `mx.sym.load` reads it back.
   * @example await net.save('mlp-symbol.json');
   */
  async save(path: string | URL): Promise<void> {
    const fs = await nodeFileSystem('Symbol.save');
    await fs.writeFile(path, new TextEncoder().encode(this.tojson()));
  }

  /** Same as {@link Symbol.tojson}. @example mx.sym.Variable('x').toJSON() */
  toJSON(): string {
    return this.tojson();
  }
}

/** std::map's key order: by UTF-16 code unit, which is byte order for ASCII keys. */
function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
