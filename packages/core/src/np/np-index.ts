import { pause } from '../autograd/scopes.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { disposeCreated } from '../memory/collect.js';
import { fromHost } from '../ndarray/creation.js';
import { NDArray } from '../ndarray/ndarray.js';
import * as nd from '../ops/index.js';
import { resolveSlice } from '../ops/slice.js';
import { sliceScatter } from '../ops/slice-scatter.js';
import { asNpInPlace, type NpArray, type NpOperand } from './np-array.js';
import { full } from './np-creation.js';
import { castTo } from './np-dtype.js';
import { broadcastTo } from './np-shape.js';

/**
 * An index in NumPy's notation: a string as inside Python's brackets (`'1:3'`, `'-1'`,
 * `'..., 0'`, `'0:2, :'`, `'None, 1'`), one integer, an integer array (an np/nd array or
 * a list of integers: rows along the first axis) or a list of booleans (a mask over the first
 * axis).
 */
export type NpIndex = string | number | NDArray | readonly number[] | readonly boolean[];

type Item =
  | { kind: 'int'; i: number }
  | { kind: 'slice'; b: number | null; e: number | null; s: number | null }
  | { kind: 'new' }
  | { kind: 'ellipsis' };

const INT = /^[+-]?\d+$/;

function parseBound(text: string, key: string): number | null {
  const t = text.trim();
  if (t === '' || t === 'None') return null;
  if (!INT.test(t))
    throw new InvalidArgumentError(
      'get',
      `cannot read '${t}' in index '${key}' (integers, ':', '...', 'None')`,
    );
  return Number(t);
}

/** Parses an index string into items. */
export function parseIndex(key: string): Item[] {
  const parts = key.split(',').map((p) => p.trim());
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts.map((p): Item => {
    if (p === '...') return { kind: 'ellipsis' };
    if (p === 'None' || p === 'newaxis') return { kind: 'new' };
    if (p.includes(':')) {
      const f = p.split(':');
      if (f.length > 3)
        throw new InvalidArgumentError('get', `'${p}' in index '${key}' has too many colons`);
      return {
        kind: 'slice',
        b: parseBound(f[0], key),
        e: parseBound(f[1], key),
        s: f.length === 3 ? parseBound(f[2], key) : null,
      };
    }
    const i = parseBound(p, key);
    if (i === null) throw new InvalidArgumentError('get', `empty item in index '${key}'`);
    return { kind: 'int', i };
  });
}

/** A basic index resolved against a shape: the slice to take and the shape to give. */
interface Basic {
  begin: (number | null)[];
  end: (number | null)[];
  step: (number | null)[];
  outShape: number[];
}

function resolveBasic(shape: readonly number[], items: Item[], key: string): Basic {
  const used = items.filter((it) => it.kind === 'int' || it.kind === 'slice').length;
  if (items.filter((it) => it.kind === 'ellipsis').length > 1)
    throw new InvalidArgumentError('get', `an index can only have a single ellipsis ('${key}')`);
  if (used > shape.length)
    throw new InvalidArgumentError(
      'get',
      `too many indices for array: array is ${shape.length}-dimensional, but ${used} were indexed ('${key}')`,
    );
  const full: Item[] = [];
  for (const it of items) {
    if (it.kind === 'ellipsis')
      for (let k = 0; k < shape.length - used; k++)
        full.push({ kind: 'slice', b: null, e: null, s: null });
    else full.push(it);
  }
  while (full.filter((it) => it.kind !== 'new').length < shape.length)
    full.push({ kind: 'slice', b: null, e: null, s: null });
  const begin: (number | null)[] = [];
  const end: (number | null)[] = [];
  const step: (number | null)[] = [];
  const kinds: ('int' | 'slice' | 'new')[] = [];
  let axis = 0;
  for (const it of full) {
    if (it.kind === 'new') {
      kinds.push('new');
      continue;
    }
    const d = shape[axis];
    if (it.kind === 'int') {
      const i = it.i < 0 ? it.i + d : it.i;
      if (i < 0 || i >= d)
        throw new InvalidArgumentError(
          'get',
          `index ${it.i} is out of bounds for axis ${axis} with size ${d}`,
        );
      begin.push(i);
      end.push(i + 1);
      step.push(1);
      kinds.push('int');
    } else if (it.kind === 'slice') {
      begin.push(it.b);
      end.push(it.e);
      step.push(it.s);
      kinds.push('slice');
    }
    axis++;
  }
  const { size } = resolveSlice('get', shape, { begin, end, step });
  const outShape: number[] = [];
  let a = 0;
  for (const k of kinds) {
    if (k === 'new') outShape.push(1);
    else {
      if (k === 'slice') outShape.push(size[a]);
      a++;
    }
  }
  return { begin, end, step, outShape };
}

/** The row indices an integer list, integer array or boolean mask selects. */
function rowIndices(x: NDArray, key: NDArray | readonly number[] | readonly boolean[]): NDArray {
  if (key instanceof NDArray) return castTo(key, 'int32');
  const n = x.shape[0];
  let rows: number[];
  if (key.length > 0 && typeof key[0] === 'boolean') {
    if (key.length !== n)
      throw new InvalidArgumentError(
        'get',
        `boolean index of length ${key.length} does not match axis 0 of size ${n}`,
      );
    rows = (key as readonly boolean[]).flatMap((b, i) => (b ? [i] : []));
  } else rows = (key as readonly number[]).map((i) => (i < 0 ? i + n : i));
  for (const i of rows)
    if (!Number.isInteger(i) || i < 0 || i >= n)
      throw new InvalidArgumentError(
        'get',
        `index ${i} is out of bounds for axis 0 with size ${n}`,
      );
  return fromHost(Int32Array.from(rows), [rows.length], x.context);
}

/**
 * MXNet `x[key]` for np arrays (see `NpIndex`): basic indices slice and reshape; integer
 * arrays and boolean lists take rows. Composed of slice, reshape and take, so gradients
 * flow through it to any order.
 *
 * @example
 * x.get('1:3'); x.get('-1'); x.get('..., 0'); x.get([0, 2]);
 */
export function getItem(x: NDArray, key: NpIndex): NpArray {
  return asNpInPlace(
    disposeCreated(() => {
      if (typeof key === 'string' || typeof key === 'number') {
        if (x.ndim === 0 && key !== '...' && key !== '')
          throw new InvalidArgumentError('get', 'a 0-d array can only be indexed with "..."');
        const b = resolveBasic(
          x.shape,
          typeof key === 'number' ? [{ kind: 'int', i: key }] : parseIndex(key),
          String(key),
        );
        const s = x.ndim === 0 ? x : nd.slice(x, { begin: b.begin, end: b.end, step: b.step });
        return nd.reshape(s, { shape: b.outShape });
      }
      if (x.ndim === 0)
        throw new InvalidArgumentError('get', 'a 0-d array cannot take array indices');
      const idx = rowIndices(x, key);
      return nd.take(x, idx, { axis: 0 });
    }),
  );
}

/**
 * The whole array that `x[key] = value` leaves (a basic index), computed outside the tape;
 * `NpArray.set` writes it in place with MXNet's rules for arrays in a graph.
 * @internal
 */
export function setItemValue(x: NDArray, key: NpIndex, value: NpOperand): NpArray {
  if (typeof key !== 'string' && typeof key !== 'number') {
    throw new InvalidArgumentError(
      'set',
      'assignment takes a basic index (a string or an integer); array indices are read-only in MXTS',
    );
  }
  return pause(() =>
    asNpInPlace(
      disposeCreated(() => {
        const b = resolveBasic(
          x.shape,
          typeof key === 'number' ? [{ kind: 'int', i: key }] : parseIndex(key),
          String(key),
        );
        const { begin, size, step } = resolveSlice('set', x.shape, b);
        const like = { dtype: x.dtype, ctx: x.context };
        const region =
          typeof value === 'number'
            ? full(size, value, like)
            : nd.reshape(broadcastTo(castTo(value, x.dtype), b.outShape), { shape: size });
        const attrs = { shape: [...x.shape], begin, size, step };
        const placed = sliceScatter(region, attrs);
        const mask = sliceScatter(full(size, 1, like), attrs);
        return nd.where(mask, placed, x);
      }),
    ),
  );
}
