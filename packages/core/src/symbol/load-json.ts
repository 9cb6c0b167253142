import { SymbolJSONError } from '../errors/symbol-json-error.js';
import { getOpDef } from './op-registry.js';
import { Symbol, type SymbolEntry } from './symbol.js';

/** Limits `loadJson` checks before building anything, so a hostile file stays cheap. */
export interface LoadJsonLimits {
  /** Longest text accepted, in UTF-16 code units (64 Mi by default). */
  maxChars?: number;
  /** Most nodes accepted (1,000,000 by default). */
  maxNodes?: number;
  /** Most outputs one node may declare in `node_row_ptr` (65,536 by default). */
  maxOutputsPerNode?: number;
}

const DEFAULTS: Required<LoadJsonLimits> = {
  maxChars: 64 * 1024 * 1024,
  maxNodes: 1_000_000,
  maxOutputsPerNode: 65_536,
};

// MXNET_MAKE_VERSION(0, 8, 0): what nnvm assumes when a file has no mxnet_version.
const LEGACY_VERSION = 800;
const CURRENT_VERSION = 10901;
// c_api_common.h: attributes MXNet <= 0.8 wrote plainly and 0.9+ writes as `__key__`.
const HIDDEN_KEYS = ['ctx_group', 'lr_mult', 'wd_mult', 'force_mirroring', 'mirror_stage'];

// Operator aliases MXNet registers (`add_alias`); nnvm resolves them to the operator, whose
// own name tojson() then writes (an 0.8 file's `_Plus` comes back as `elemwise_add`).
const ALIASES: Readonly<Record<string, string>> = {
  _add: 'elemwise_add',
  _plus: 'elemwise_add',
  _Plus: 'elemwise_add',
  _sub: 'elemwise_sub',
  _minus: 'elemwise_sub',
  _Minus: 'elemwise_sub',
  _mul: 'elemwise_mul',
  _Mul: 'elemwise_mul',
  _div: 'elemwise_div',
  _Div: 'elemwise_div',
  _PlusScalar: '_plus_scalar',
  _MinusScalar: '_minus_scalar',
  _RMinusScalar: '_rminus_scalar',
  _MulScalar: '_mul_scalar',
  _DivScalar: '_div_scalar',
  _RDivScalar: '_rdiv_scalar',
  Softmax: 'SoftmaxOutput',
  flatten: 'Flatten',
  concat: 'Concat',
};

const NODE_FIELDS = [
  'op',
  'name',
  'inputs',
  'attrs',
  'attr',
  'param',
  'control_deps',
  'backward_source_id',
];
const GRAPH_FIELDS = ['nodes', 'arg_nodes', 'heads', 'node_row_ptr', 'attrs'];

type Json = unknown;
interface MutableNode {
  op: string;
  name: string;
  attrs: Record<string, string>;
  inputs: { node: MutableNode; index: number }[];
  numOutputs?: number;
}

const isObject = (v: Json): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function fail(path: string, expected: string): never {
  throw new SymbolJSONError(path, expected);
}

function checkFields(v: Record<string, Json>, allowed: readonly string[], path: string): void {
  for (const k of Object.keys(v)) {
    if (!allowed.includes(k)) {
      fail(path, `unknown field "${k}"; the fields are ${allowed.map((a) => `"${a}"`).join(', ')}`);
    }
  }
}

function uint(v: Json, path: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0xffffffff) {
    fail(path, `expected an unsigned 32-bit integer, got ${describe(v)}`);
  }
  return v;
}

function describe(v: Json): string {
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (v === null) return 'null';
  if (typeof v === 'string')
    return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}...` : v)}`;
  return typeof v === 'object' ? 'an object' : `${typeof v} ${String(v)}`;
}

function stringMap(v: Json, path: string): Record<string, string> {
  if (!isObject(v)) fail(path, `expected an object of strings, got ${describe(v)}`);
  const out: Record<string, string> = {};
  for (const [k, s] of Object.entries(v)) {
    if (typeof s !== 'string') fail(`${path}.${k}`, `expected a string, got ${describe(s)}`);
    out[k] = s;
  }
  return out;
}

/** nnvm's node entry: `[node_id, index]` or `[node_id, index, version]`. */
function entry(v: Json, path: string): [number, number] {
  if (!Array.isArray(v) || v.length < 2 || v.length > 3) {
    fail(path, `expected a node entry [node_id, index, version], got ${describe(v)}`);
  }
  const id = uint(v[0], `${path}[0]`);
  const index = uint(v[1], `${path}[1]`);
  if (v.length === 3) uint(v[2], `${path}[2]`);
  return [id, index];
}

function outputCount(n: MutableNode): number {
  if (n.op === 'null') return 1;
  return n.numOutputs ?? getOpDef(n.op)?.outputNames(n.attrs).length ?? 1;
}

/**
 * MXNet `mx.sym.load_json(json_str)`: the Symbol a `-symbol.json` text describes, from any
 * MXNet 1.x (nnvm's `attrs`, older `attr`/`param` keys, pre-NNVM files with
 * `backward_source_id` and two-number node entries). Files older than 1.9.1 are upgraded
 * as MXNet's LoadLegacyJSON does: plain `ctx_group`/`lr_mult`/`wd_mult` attributes become
 * `__ctx_group__`/... (an op's `weight_lr_mult` moves to its weight variable), the auxiliary
 * states 0.8 files leave out (BatchNorm's moving mean and variance) are added, their
 * `__init__` is set, and argmax/argmin's `axis` -1 is dropped. Operators MXTS cannot run
 * still load, list and serialize (their output count comes from `node_row_ptr`).
 *
 * Everything is checked before the graph is built: text size, node count, fields, types,
 * and that every input points at an earlier node and an existing output. A bad text raises
 * SymbolJSONError naming the field.
 *
 * @example
 * const net = mx.sym.loadJson(text);
 * net.listArguments(); // ['data', 'fc1_weight', 'fc1_bias', ...]
 * net.tojson() === mx.sym.loadJson(net.tojson()).tojson(); // true
 */
export function loadJson(text: string, limits: LoadJsonLimits = {}): Symbol {
  if (typeof text !== 'string')
    fail('', `expected the JSON text as a string, got ${describe(text)}`);
  const lim = { ...DEFAULTS, ...limits };
  if (text.length > lim.maxChars) {
    fail(
      '',
      `the text has ${text.length} characters, more than the limit of ${lim.maxChars} (raise limits.maxChars)`,
    );
  }
  let root: Json;
  try {
    root = JSON.parse(text);
  } catch (e) {
    fail('', `not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!isObject(root))
    fail('', `expected an object with "nodes", "arg_nodes" and "heads", got ${describe(root)}`);
  checkFields(root, GRAPH_FIELDS, '');
  for (const k of ['nodes', 'arg_nodes', 'heads']) {
    if (!(k in root)) fail(k, `missing field "${k}"`);
  }
  const { nodes: rawNodes, arg_nodes: rawArgs, heads: rawHeads, node_row_ptr: rawRows } = root;
  if (!Array.isArray(rawNodes)) fail('nodes', `expected an array, got ${describe(rawNodes)}`);
  if (rawNodes.length > lim.maxNodes) {
    fail(
      'nodes',
      `${rawNodes.length} nodes, more than the limit of ${lim.maxNodes} (raise limits.maxNodes)`,
    );
  }
  const version = readVersion(root.attrs);
  let rows: number[] | null = null;
  if (rawRows !== undefined) {
    if (!Array.isArray(rawRows) || rawRows.length !== rawNodes.length + 1) {
      fail(
        'node_row_ptr',
        `expected an array of ${rawNodes.length + 1} offsets (one per node, plus 1), got ${describe(rawRows)}`,
      );
    }
    rows = rawRows.map((r, i) => uint(r, `node_row_ptr[${i}]`));
    if (rows[0] !== 0) fail('node_row_ptr[0]', `expected 0, got ${rows[0]}`);
    for (let i = 1; i < rows.length; i++) {
      const count = rows[i] - rows[i - 1];
      if (count < 0 || count > lim.maxOutputsPerNode) {
        fail(
          `node_row_ptr[${i}]`,
          `node ${i - 1} would have ${count} outputs (expected 0 to ${lim.maxOutputsPerNode}, non-decreasing offsets)`,
        );
      }
    }
  }

  const nodes: MutableNode[] = [];
  rawNodes.forEach((raw, i) => {
    const path = `nodes[${i}]`;
    if (!isObject(raw)) fail(path, `expected a node object, got ${describe(raw)}`);
    checkFields(raw, NODE_FIELDS, path);
    for (const k of ['op', 'name', 'inputs']) {
      if (!(k in raw)) fail(path, `missing field "${k}"`);
    }
    if (typeof raw.op !== 'string' || raw.op === '')
      fail(`${path}.op`, `expected an operator name or "null", got ${describe(raw.op)}`);
    if (typeof raw.name !== 'string')
      fail(`${path}.name`, `expected a string, got ${describe(raw.name)}`);
    if (!Array.isArray(raw.inputs))
      fail(`${path}.inputs`, `expected an array, got ${describe(raw.inputs)}`);
    if (raw.control_deps !== undefined) {
      if (!Array.isArray(raw.control_deps))
        fail(`${path}.control_deps`, `expected an array, got ${describe(raw.control_deps)}`);
      if (raw.control_deps.length > 0)
        fail(`${path}.control_deps`, 'control dependencies are not supported by MXTS symbols');
    }
    if (raw.backward_source_id !== undefined && typeof raw.backward_source_id !== 'number') {
      fail(
        `${path}.backward_source_id`,
        `expected a number, got ${describe(raw.backward_source_id)}`,
      );
    }
    // nnvm reads attrs and attr into one dict, then adds param's keys that are not there.
    const attrs: Record<string, string> = {};
    if (raw.attrs !== undefined) Object.assign(attrs, stringMap(raw.attrs, `${path}.attrs`));
    if (raw.attr !== undefined) Object.assign(attrs, stringMap(raw.attr, `${path}.attr`));
    if (raw.param !== undefined) {
      for (const [k, v] of Object.entries(stringMap(raw.param, `${path}.param`))) {
        if (!(k in attrs)) attrs[k] = v;
      }
    }
    const isVar = raw.op === 'null';
    if (isVar && raw.inputs.length > 0)
      fail(`${path}.inputs`, 'a variable (op "null") has no inputs');
    const op = Object.hasOwn(ALIASES, raw.op) ? ALIASES[raw.op] : raw.op;
    const node: MutableNode = { op, name: raw.name, attrs, inputs: [] };
    raw.inputs.forEach((e: Json, j: number) => {
      const at = `${path}.inputs[${j}]`;
      const [id, index] = entry(e, at);
      // nnvm writes nodes in DFS post-order: an input is always an earlier node (no cycles).
      if (id >= i)
        fail(at, `input node ${id} is not before node ${i} (inputs must point at earlier nodes)`);
      const src = nodes[id];
      if (index >= outputCount(src)) {
        fail(at, `node ${id} (${src.name}) has ${outputCount(src)} output(s), no output ${index}`);
      }
      node.inputs.push({ node: src, index });
    });
    if (rows !== null && !isVar) {
      const def = getOpDef(node.op);
      const own = def?.outputNames(node.attrs).length;
      const given = rows[i + 1] - rows[i];
      // oneDNN builds give max Pooling (and LRN) a hidden workspace output, so a known op
      // may have more outputs in the file than MXTS computes: keep the file's count.
      const visible = def === undefined ? 1 : (def.numVisibleOutputs?.(node.attrs) ?? own!);
      if (given < Math.max(1, Math.min(visible, own ?? 1))) {
        fail(
          `node_row_ptr[${i + 1}]`,
          `${node.op} node ${node.name} has at least ${visible} output(s), the offsets say ${given}`,
        );
      }
      node.numOutputs = def === undefined || given !== own ? given : undefined;
    }
    if (rows !== null && isVar && rows[i + 1] - rows[i] !== 1) {
      fail(
        `node_row_ptr[${i + 1}]`,
        `variable ${node.name} has 1 output, the offsets say ${rows[i + 1] - rows[i]}`,
      );
    }
    nodes.push(node);
  });
  if (!Array.isArray(rawArgs)) fail('arg_nodes', `expected an array, got ${describe(rawArgs)}`);
  rawArgs.forEach((a, i) => {
    const id = uint(a, `arg_nodes[${i}]`);
    if (id >= nodes.length || nodes[id].op !== 'null') {
      fail(`arg_nodes[${i}]`, `node ${id} is not a variable node`);
    }
  });
  if (!Array.isArray(rawHeads) || rawHeads.length === 0) {
    fail('heads', `expected a non-empty array of node entries, got ${describe(rawHeads)}`);
  }
  const heads = rawHeads.map((h, i) => {
    const [id, index] = entry(h, `heads[${i}]`);
    if (id >= nodes.length)
      fail(`heads[${i}]`, `node ${id} does not exist (${nodes.length} nodes)`);
    if (index >= outputCount(nodes[id])) {
      fail(
        `heads[${i}]`,
        `node ${id} (${nodes[id].name}) has ${outputCount(nodes[id])} output(s), no output ${index}`,
      );
    }
    return { node: nodes[id], index };
  });
  if (version < CURRENT_VERSION) upgrade(heads, version);
  for (const n of reachable(heads)) {
    const def = n.op === 'null' ? undefined : getOpDef(n.op);
    if (def === undefined) continue;
    const names = def.inputNames(n.attrs);
    if (n.inputs.length !== names.length) {
      fail(
        `nodes[${nodes.indexOf(n)}].inputs`,
        `${n.op} node ${n.name} takes ${names.length} inputs (${names.join(', ')}), the file gives ${n.inputs.length}`,
      );
    }
  }
  return new Symbol(heads as SymbolEntry[]);
}

/** The graph's `mxnet_version` (`["int", 10901]`), 800 when absent as in nnvm. */
function readVersion(attrs: Json): number {
  if (attrs === undefined) return LEGACY_VERSION;
  if (!isObject(attrs)) fail('attrs', `expected an object, got ${describe(attrs)}`);
  const v = attrs['mxnet_version'];
  if (v === undefined) return LEGACY_VERSION;
  if (
    !Array.isArray(v) ||
    v.length !== 2 ||
    v[0] !== 'int' ||
    typeof v[1] !== 'number' ||
    !Number.isInteger(v[1])
  ) {
    fail('attrs.mxnet_version', `expected ["int", <version>], got ${describe(v)}`);
  }
  return v[1];
}

/** Nodes reachable from the heads, inputs first (nnvm's DFSVisit), without recursion. */
function reachable(heads: readonly { node: MutableNode }[]): MutableNode[] {
  return new Symbol(heads as unknown as SymbolEntry[]).topoNodes() as unknown as MutableNode[];
}

/** MXNet's LoadLegacyJSON upgraders, in MXNet's order, each for files older than its version. */
function upgrade(heads: { node: MutableNode; index: number }[], version: number): void {
  fixHiddenKeys(reachable(heads));
  if (version < 900) addMissingInputs(reachable(heads));
  if (version < 904) {
    for (const n of reachable(heads)) {
      const def = n.op === 'null' ? undefined : getOpDef(n.op);
      if (def?.setInputVarAttrs === undefined) continue;
      n.inputs.forEach((e, i) => {
        if (e.node.op === 'null') def.setInputVarAttrs!(n.attrs, i, e.node.attrs);
      });
    }
  }
  if (version < 905) {
    for (const n of reachable(heads)) {
      if ((n.op === 'argmax' || n.op === 'argmin') && n.attrs['axis'] === '-1')
        delete n.attrs['axis'];
    }
  }
}

/** UpgradeJSON_FixParsing: plain hidden keys become `__key__`; `<arg>_<key>` moves to that input. */
function fixHiddenKeys(nodes: MutableNode[]): void {
  for (const n of nodes) {
    const hidden: [string, string][] = [];
    for (const [k, v] of Object.entries(n.attrs)) {
      const isHidden = HIDDEN_KEYS.some((key) => {
        const pos = k.lastIndexOf(key);
        return pos === 0 || (pos !== -1 && pos === k.length - key.length);
      });
      if (isHidden) {
        hidden.push([k, v]);
        delete n.attrs[k];
      }
    }
    for (const [k, v] of hidden) {
      let moved = false;
      for (const key of HIDDEN_KEYS) {
        const pos = k.lastIndexOf(key);
        if (pos === 0 && key.length === k.length) {
          n.attrs[`__${key}__`] = v;
          moved = true;
          break;
        }
        if (pos !== -1 && pos > 1 && pos === k.length - key.length) {
          if (n.op === 'null') break;
          const def = getOpDef(n.op);
          if (def === undefined) break;
          const idx = def.inputNames(n.attrs).indexOf(k.slice(0, pos - 1));
          const input = n.inputs[idx];
          if (idx !== -1 && input !== undefined && input.node.op === 'null') {
            input.node.attrs[`__${key}__`] = v;
            moved = true;
          }
          break;
        }
      }
      if (!moved) n.attrs[k] = v;
    }
  }
}

/** UpgradeJSON_000800_000900: 0.8 files leave out auxiliary states; add them as MXNet does. */
function addMissingInputs(nodes: MutableNode[]): void {
  for (const n of nodes) {
    if (n.op === 'null') continue;
    const def = getOpDef(n.op);
    if (def === undefined) continue;
    const names = def.inputNames(n.attrs);
    for (let i = n.inputs.length; i < names.length; i++) {
      const v: MutableNode = {
        op: 'null',
        name: `${n.name}_${names[i]}`,
        attrs: { ...n.attrs },
        inputs: [],
      };
      n.inputs.push({ node: v, index: 0 });
    }
  }
}
