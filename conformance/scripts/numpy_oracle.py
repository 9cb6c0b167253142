#!/usr/bin/env python3
"""Writes conformance/src/fixtures/numpy-oracle.json: NumPy's results for MXTS's mx.np functions
(forward values, and the gradients of <f(inputs), head> by central differences in float64).

Rerun from the repository root with NumPy 2.x: python3 conformance/scripts/numpy_oracle.py

Inputs are drawn in float32 and widened, so MXTS (float32) sees exactly the inputs the
reference used; the reference computes in float64. Each entry seeds its own generator with
the CRC-32 of its name. Options are written in MXTS's spelling; `fn` names the mx.np function.
The tests read the JSON and never run Python.
"""
import json
import os
import zlib

import numpy as np

OUT = os.path.normpath(os.path.join(os.path.dirname(__file__), '..', 'src', 'fixtures', 'numpy-oracle.json'))
entries = []


def rng(name):
    return np.random.default_rng(zlib.crc32(name.encode()))


def draw(g, shape, lo=-1.0, hi=1.0):
    return g.uniform(lo, hi, size=shape).astype(np.float32).astype(np.float64)


def arr(x):
    x = np.asarray(x, dtype=np.float64)
    return {'shape': list(x.shape), 'values': [float(v) for v in x.ravel()]}


def numgrad(f, inputs, head, key, eps=1e-6):
    x = inputs[key]
    g = np.zeros_like(x)
    flat = x.reshape(-1)
    gf = g.reshape(-1)
    for i in range(flat.size):
        old = flat[i]
        flat[i] = old + eps
        up = np.sum(f(**inputs) * head)
        flat[i] = old - eps
        down = np.sum(f(**inputs) * head)
        flat[i] = old
        gf[i] = (up - down) / (2 * eps)
    return g


def second(f, inputs, head, head2, key):
    """d/d key of <d<f, head>/d key, head2>: central differences of the numerical gradient."""
    def phi(**kw):
        return np.sum(numgrad(f, {k: v.copy() for k, v in kw.items()}, head, key, 1e-5) * head2)
    return numgrad(phi, {k: v.copy() for k, v in inputs.items()}, 1.0, key, 1e-4)


def add(name, fn, f, shapes, options=None, grad=True, lo=-1.0, hi=1.0, grad2=None):
    g = rng(name)
    inputs = {k: draw(g, s, lo, hi) for k, s in shapes.items()}
    out = np.asarray(f(**inputs), dtype=np.float64)
    head = draw(g, out.shape)
    e = {'name': name, 'fn': fn, 'options': options or {}, 'inputs': {k: arr(v) for k, v in inputs.items()},
         'forward': arr(out), 'head': arr(head), 'grads': {}}
    if grad:
        for k in inputs:
            e['grads'][k] = arr(numgrad(f, {kk: vv.copy() for kk, vv in inputs.items()}, head, k))
    # Second order wherever the gradient depends on the input (by default: where the numerical
    # second derivative is not zero). A linear or piecewise-linear function's gradient does not
    # depend on its input at all, so there is no graph to differentiate twice (MXNet and
    # PyTorch raise there too).
    if grad2 is not False and grad:
        k = next(iter(inputs))
        head2 = draw(g, inputs[k].shape)
        value = second(f, inputs, head, head2, k)
        if grad2 or np.max(np.abs(value)) > 1e-4:
            e['second'] = {'input': k, 'head2': arr(head2), 'value': arr(value)}
    entries.append(e)


# elementwise, with NumPy broadcasting
add('add/broadcast', 'add', lambda a, b: a + b, {'a': (2, 1, 3), 'b': (4, 1)})
add('subtract/broadcast', 'subtract', lambda a, b: a - b, {'a': (3,), 'b': (2, 3)})
add('multiply/broadcast', 'multiply', lambda a, b: a * b, {'a': (2, 3), 'b': (3,)}, grad2=True)
add('divide/broadcast', 'divide', lambda a, b: a / b, {'a': (2, 3), 'b': (2, 1)}, lo=0.5, hi=2.0, grad2=True)
add('power/positive', 'power', lambda a, b: a ** b, {'a': (2, 3), 'b': (2, 3)}, lo=0.5, hi=2.0, grad2=True)
add('maximum/broadcast', 'maximum', lambda a, b: np.maximum(a, b), {'a': (2, 3), 'b': (3,)})
add('exp/2d', 'exp', lambda a: np.exp(a), {'a': (2, 3)}, grad2=True)
add('log/2d', 'log', lambda a: np.log(a), {'a': (2, 3)}, lo=0.5, hi=2.0, grad2=True)
add('sqrt/2d', 'sqrt', lambda a: np.sqrt(a), {'a': (2, 3)}, lo=0.5, hi=2.0, grad2=True)
add('tanh/2d', 'tanh', lambda a: np.tanh(a), {'a': (2, 3)}, grad2=True)
add('sin/2d', 'sin', lambda a: np.sin(a), {'a': (2, 3)}, grad2=True)
# linear algebra
add('dot/vector-vector', 'dot', lambda a, b: np.dot(a, b), {'a': (4,), 'b': (4,)})
add('dot/matrix-vector', 'dot', lambda a, b: np.dot(a, b), {'a': (3, 4), 'b': (4,)})
add('dot/matrix-matrix', 'dot', lambda a, b: np.dot(a, b), {'a': (2, 3), 'b': (3, 4)}, grad2=True)
add('dot/matrix-3d', 'dot', lambda a, b: np.dot(a, b), {'a': (2, 3), 'b': (2, 3, 4)})
add('matmul/batched', 'matmul', lambda a, b: np.matmul(a, b), {'a': (2, 2, 3), 'b': (3, 4)}, grad2=True)
add('matmul/vector-matrix', 'matmul', lambda a, b: np.matmul(a, b), {'a': (3,), 'b': (2, 3, 4)})
add('tensordot/axes2', 'tensordot', lambda a, b: np.tensordot(a, b, 2), {'a': (2, 3, 4), 'b': (3, 4, 2)}, grad2=True)
add('einsum/ij-jk', 'einsum', lambda a, b: np.einsum('ij,jk->ik', a, b), {'a': (2, 3), 'b': (3, 4)}, {'subscripts': 'ij,jk->ik'}, grad2=True)
add('einsum/outer', 'einsum', lambda a, b: np.einsum('i,j', a, b), {'a': (3,), 'b': (2,)}, {'subscripts': 'i,j'})
add('einsum/batch-trace-free', 'einsum', lambda a, b: np.einsum('bij,bj->bi', a, b), {'a': (2, 3, 4), 'b': (2, 4)}, {'subscripts': 'bij,bj->bi'})
add('norm/all', 'norm', lambda a: np.linalg.norm(a), {'a': (3, 4)}, grad2=True)
add('norm/axis1-ord1', 'norm', lambda a: np.linalg.norm(a, ord=1, axis=1), {'a': (3, 4)}, {'ord': 1, 'axis': 1}, lo=0.1, hi=1.0)
# reductions
add('sum/all', 'sum', lambda a: np.sum(a), {'a': (2, 3, 4)})
add('sum/axis-keepdims', 'sum', lambda a: np.sum(a, axis=(0, 2), keepdims=True), {'a': (2, 3, 4)}, {'axis': [0, 2], 'keepdims': True})
add('mean/axis', 'mean', lambda a: np.mean(a, axis=-1), {'a': (2, 3, 4)}, {'axis': -1})
add('max/axis', 'max', lambda a: np.max(a, axis=1), {'a': (3, 4)}, {'axis': 1})
add('min/all', 'min', lambda a: np.min(a), {'a': (3, 4)})
add('prod/axis', 'prod', lambda a: np.prod(a, axis=0), {'a': (3, 4)}, {'axis': 0}, lo=0.5, hi=1.5, grad2=True)
add('std/all', 'std', lambda a: np.std(a), {'a': (3, 4)}, grad2=True)
add('var/axis-ddof1', 'var', lambda a: np.var(a, axis=0, ddof=1), {'a': (3, 4)}, {'axis': 0, 'ddof': 1}, grad2=True)
add('cumsum/flat', 'cumsum', lambda a: np.cumsum(a), {'a': (2, 3)})
add('cumsum/axis0', 'cumsum', lambda a: np.cumsum(a, axis=0), {'a': (3, 2)}, {'axis': 0})
add('argmax/all', 'argmax', lambda a: np.argmax(a), {'a': (3, 4)}, grad=False)
add('argmin/axis', 'argmin', lambda a: np.argmin(a, axis=1), {'a': (3, 4)}, {'axis': 1}, grad=False)
# shape ops
add('reshape/infer', 'reshape', lambda a: np.reshape(a, (4, -1)), {'a': (2, 3, 2)}, {'newshape': [4, -1]})
add('transpose/default', 'transpose', lambda a: np.transpose(a), {'a': (2, 3, 4)})
add('swapaxes/0-2', 'swapaxes', lambda a: np.swapaxes(a, 0, 2), {'a': (2, 3, 4)}, {'axis1': 0, 'axis2': 2})
add('expandDims/1', 'expandDims', lambda a: np.expand_dims(a, 1), {'a': (2, 3)}, {'axis': 1})
add('squeeze/all', 'squeeze', lambda a: np.squeeze(a), {'a': (1, 3, 1)})
add('concatenate/axis1', 'concatenate', lambda a, b: np.concatenate([a, b], axis=1), {'a': (2, 3), 'b': (2, 1)}, {'axis': 1})
add('stack/axis1', 'stack', lambda a, b: np.stack([a, b], axis=1), {'a': (2, 3), 'b': (2, 3)}, {'axis': 1})
add('flip/axis0', 'flip', lambda a: np.flip(a, axis=0), {'a': (3, 2)}, {'axis': 0})
add('tile/2x2', 'tile', lambda a: np.tile(a, (2, 2)), {'a': (2, 3)}, {'reps': [2, 2]})
add('repeat/axis1', 'repeat', lambda a: np.repeat(a, 2, axis=1), {'a': (2, 3)}, {'repeats': 2, 'axis': 1})
add('broadcastTo/lead', 'broadcastTo', lambda a: np.broadcast_to(a, (2, 3, 4)), {'a': (3, 1)}, {'shape': [2, 3, 4]})
add('where/broadcast', 'where', lambda c, a, b: np.where(c > 0, a, b), {'c': (2, 3), 'a': (2, 3), 'b': (3,)}, grad=False)
add('clip/both', 'clip', lambda a: np.clip(a, -0.5, 0.5), {'a': (3, 4)}, {'aMin': -0.5, 'aMax': 0.5})
add('pad/constant', 'pad', lambda a: np.pad(a, ((1, 0), (2, 1)), constant_values=3), {'a': (2, 3)}, {'padWidth': [[1, 0], [2, 1]], 'constantValues': 3})
add('sort/last', 'sort', lambda a: np.sort(a), {'a': (3, 4)})
add('argsort/last', 'argsort', lambda a: np.argsort(a), {'a': (3, 4)}, grad=False)
add('get/slice', 'get', lambda a: a[1:3], {'a': (4, 3)}, {'key': '1:3'})
add('get/negative-int', 'get', lambda a: a[-1], {'a': (4, 3)}, {'key': '-1'})
add('get/ellipsis', 'get', lambda a: a[..., 0], {'a': (2, 3, 4)}, {'key': '..., 0'})
add('get/step-newaxis', 'get', lambda a: a[::-2, None, 1:], {'a': (5, 3)}, {'key': '::-2, None, 1:'})
add('get/int-list', 'get', lambda a: a[[2, 0, 2]], {'a': (4, 3)}, {'key': [2, 0, 2]})
add('get/bool-list', 'get', lambda a: a[np.array([True, False, True, False])], {'a': (4, 3)}, {'key': [True, False, True, False]})

# creation (no inputs; forward only)
add('linspace/7', 'linspace', lambda: np.linspace(-1, 2, 7), {}, {'start': -1, 'stop': 2, 'num': 7}, grad=False)
add('linspace/no-endpoint', 'linspace', lambda: np.linspace(0, 1, 4, endpoint=False), {}, {'start': 0, 'stop': 1, 'num': 4, 'endpoint': False}, grad=False)
add('arange/step', 'arange', lambda: np.arange(1, 2, 0.25), {}, {'start': 1, 'stop': 2, 'step': 0.25}, grad=False)
add('eye/k1', 'eye', lambda: np.eye(3, 4, k=1), {}, {'n': 3, 'm': 4, 'k': 1}, grad=False)
add('full/2x3', 'full', lambda: np.full((2, 3), 7.5), {}, {'shape': [2, 3], 'fillValue': 7.5}, grad=False)
add('zeros/0d', 'zeros', lambda: np.zeros(()), {}, {'shape': []}, grad=False)
add('onesLike/2x2', 'onesLike', lambda a: np.ones_like(a), {'a': (2, 2)}, grad=False)
add('meshgrid/xy', 'meshgrid', lambda a, b: np.meshgrid(a, b)[0] + 10 * np.meshgrid(a, b)[1], {'a': (3,), 'b': (2,)})
add('meshgrid/ij', 'meshgrid', lambda a, b: np.meshgrid(a, b, indexing='ij')[0] + 10 * np.meshgrid(a, b, indexing='ij')[1], {'a': (3,), 'b': (2,)}, {'indexing': 'ij'})
add('split/sections', 'split', lambda a: np.split(a, 3, axis=1)[1], {'a': (2, 6)}, {'sections': 3, 'axis': 1, 'part': 1})
add('split/indices', 'split', lambda a: np.split(a, [1, 4])[1], {'a': (6, 2)}, {'sections': [1, 4], 'axis': 0, 'part': 1})
add('unique/flat', 'unique', lambda a: np.unique(np.round(a * 2)), {'a': (4, 5)}, grad=False)
add('less/broadcast', 'less', lambda a, b: (a < b).astype(np.float64), {'a': (2, 3), 'b': (3,)}, grad=False)
add('greaterEqual/scalar', 'greaterEqual', lambda a: (a >= 0.25).astype(np.float64), {'a': (2, 3)}, grad=False)
add('ravel/2d', 'ravel', lambda a: np.ravel(a), {'a': (2, 3)})
add('moveaxis/0-last', 'moveaxis', lambda a: np.moveaxis(a, 0, -1), {'a': (2, 3, 4)})
add('get/scalar-of-vector', 'get', lambda a: a[2], {'a': (5,)}, {'key': 2})


# npx: MXNet's operators, written from MXNet's definitions
def softmax(x, axis=-1):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


add('npx.relu/2d', 'npx.relu', lambda a: np.maximum(a, 0), {'a': (3, 4)})
add('npx.sigmoid/2d', 'npx.sigmoid', lambda a: 1 / (1 + np.exp(-a)), {'a': (3, 4)}, grad2=True)
add('npx.softmax/last', 'npx.softmax', lambda a: softmax(a), {'a': (3, 4)}, grad2=True)
add('npx.softmax/axis0', 'npx.softmax', lambda a: softmax(a, 0), {'a': (3, 4)}, {'axis': 0})
add('npx.logSoftmax/last', 'npx.logSoftmax', lambda a: np.log(softmax(a)), {'a': (3, 4)}, grad2=True)
add('npx.pick/last', 'npx.pick', lambda a: a[np.arange(3), [1, 3, 0]], {'a': (3, 4)}, {'index': [1, 3, 0]})
add('npx.oneHot/4', 'npx.oneHot', lambda: np.eye(4)[[1, 3, 0]], {}, {'index': [1, 3, 0], 'depth': 4}, grad=False)
add('npx.reshape/codes', 'npx.reshape', lambda a: a.reshape(2, 12), {'a': (2, 3, 4)}, {'newshape': [0, -1]})
add('npx.batchDot/2', 'npx.batchDot', lambda a, b: np.matmul(a, b), {'a': (2, 3, 4), 'b': (2, 4, 2)}, grad2=True)
add('npx.batchFlatten/3d', 'npx.batchFlatten', lambda a: a.reshape(2, -1), {'a': (2, 3, 4)})
add('npx.sequenceMask/axis0', 'npx.sequenceMask',
    lambda a: np.where((np.arange(4)[:, None] < np.array([1, 3])[None, :])[:, :, None], a, -1.0),
    {'a': (4, 2, 3)}, {'lengths': [1, 3], 'value': -1})
add('npx.topk/values', 'npx.topk', lambda a: -np.sort(-a, axis=-1)[:, :2], {'a': (3, 5)}, {'k': 2, 'retTyp': 'value'})
add('npx.fullyConnected/bias', 'npx.fullyConnected', lambda x, w, b: x.reshape(2, -1) @ w.T + b,
    {'x': (2, 3, 2), 'w': (4, 6), 'b': (4,)}, {'numHidden': 4})
add('npx.embedding/4x3', 'npx.embedding', lambda w: w[[2, 0, 2, 1]].reshape(2, 2, 3), {'w': (4, 3)},
    {'index': [[2, 0], [2, 1]], 'inputDim': 4, 'outputDim': 3})


def conv2d(x, w, b):
    n, c, h, wd = x.shape
    f, _, kh, kw = w.shape
    out = np.zeros((n, f, h - kh + 1, wd - kw + 1))
    for i in range(out.shape[2]):
        for j in range(out.shape[3]):
            out[:, :, i, j] = np.einsum('nchw,fchw->nf', x[:, :, i:i + kh, j:j + kw], w)
    return out + b[None, :, None, None]


add('npx.convolution/3x3', 'npx.convolution', conv2d, {'x': (1, 2, 4, 4), 'w': (3, 2, 3, 3), 'b': (3,)},
    {'kernel': [3, 3], 'numFilter': 3})
add('npx.pooling/avg2', 'npx.pooling', lambda a: a.reshape(1, 2, 2, 2, 2, 2).mean(axis=(3, 5)), {'a': (1, 2, 4, 4)},
    {'kernel': [2, 2], 'stride': [2, 2], 'poolType': 'avg'})
add('npx.batchNorm/predict', 'npx.batchNorm',
    lambda x, g, b: (x - 0.1) / np.sqrt(0.5 + 1e-5) * g[None, :, None] + b[None, :, None],
    {'x': (2, 3, 2), 'g': (3,), 'b': (3,)}, {'eps': 1e-5, 'fixGamma': False, 'movingMean': 0.1, 'movingVar': 0.5})

# more of MXNet's np list
add('log2/2d', 'log2', lambda a: np.log2(a), {'a': (2, 3)}, lo=0.5, hi=4.0, grad2=True)
add('log10/2d', 'log10', lambda a: np.log10(a), {'a': (2, 3)}, lo=0.5, hi=4.0)
add('cbrt/signed', 'cbrt', lambda a: np.cbrt(a), {'a': (2, 3)}, lo=0.2, hi=2.0, grad2=True)
add('degrees/2d', 'degrees', lambda a: np.degrees(a), {'a': (2, 3)})
add('trunc/2d', 'trunc', lambda a: np.trunc(a * 3), {'a': (2, 3)}, grad=False)
add('hypot/broadcast', 'hypot', lambda a, b: np.hypot(a, b), {'a': (2, 3), 'b': (3,)}, lo=0.2, hi=1.0, grad2=True)
add('mod/positive-divisor', 'mod', lambda a: np.mod(a * 5, 1.5), {'a': (2, 3)}, grad=False)
add('copysign/broadcast', 'copysign', lambda a, b: np.copysign(a, b), {'a': (2, 3), 'b': (3,)}, grad=False)
add('vstack/1d', 'vstack', lambda a, b: np.vstack([a, b]), {'a': (3,), 'b': (3,)})
add('hstack/2d', 'hstack', lambda a, b: np.hstack([a, b]), {'a': (2, 1), 'b': (2, 3)})
add('dstack/2d', 'dstack', lambda a, b: np.dstack([a, b]), {'a': (2, 3), 'b': (2, 3)})
add('columnStack/1d', 'columnStack', lambda a, b: np.column_stack([a, b]), {'a': (3,), 'b': (3,)})
add('flipud/2d', 'flipud', lambda a: np.flipud(a), {'a': (3, 2)})
add('fliplr/2d', 'fliplr', lambda a: np.fliplr(a), {'a': (3, 2)})
add('arraySplit/uneven', 'arraySplit', lambda a: np.array_split(a, 3)[0], {'a': (7, 2)}, {'sections': 3, 'part': 0})
add('hsplit/2', 'hsplit', lambda a: np.hsplit(a, 2)[1], {'a': (2, 4)}, {'sections': 2, 'part': 1})
add('vsplit/indices', 'vsplit', lambda a: np.vsplit(a, [1])[1], {'a': (3, 2)}, {'sections': [1], 'part': 1})
add('take/flat', 'take', lambda a: np.take(a, [5, 0, 2]), {'a': (2, 3)}, {'indices': [5, 0, 2]})
add('take/axis1', 'take', lambda a: np.take(a, [2, 0], axis=1), {'a': (2, 3)}, {'indices': [2, 0], 'axis': 1})
add('tril/k0', 'tril', lambda a: np.tril(a), {'a': (3, 4)})
add('tril/k-1-batched', 'tril', lambda a: np.tril(a, -1), {'a': (2, 3, 3)}, {'k': -1})
add('diff/n2', 'diff', lambda a: np.diff(a, n=2), {'a': (2, 5)}, {'n': 2})
add('vdot/2d', 'vdot', lambda a, b: np.vdot(a, b), {'a': (2, 3), 'b': (3, 2)})
add('inner/2d', 'inner', lambda a, b: np.inner(a, b), {'a': (2, 3), 'b': (4, 3)}, grad2=True)
add('outer/vectors', 'outer', lambda a, b: np.outer(a, b), {'a': (3,), 'b': (2, 2)}, grad2=True)
add('logspace/base2', 'logspace', lambda: np.logspace(0, 3, 4, base=2.0), {}, {'start': 0, 'stop': 3, 'num': 4, 'base': 2}, grad=False)
add('average/weights-axis', 'average', lambda a, w: np.average(a, axis=1, weights=w), {'a': (2, 3), 'w': (3,)}, {'axis': 1}, lo=0.2, hi=1.0, grad2=True)

add('logicalNot/rounded', 'logicalNot', lambda a: np.logical_not(np.round(a)).astype(np.float64), {'a': (2, 3)}, grad=False)
add('polyval/cubic', 'polyval', lambda p, x: np.polyval(p, x), {'p': (4,), 'x': (2, 3)}, grad2=True)
add('ediff1d/2d', 'ediff1d', lambda a: np.ediff1d(a), {'a': (2, 3)})
add('rot90/k1', 'rot90', lambda a: np.rot90(a), {'a': (2, 3)}, {'k': 1})
add('rot90/k3-axes12', 'rot90', lambda a: np.rot90(a, 3, axes=(1, 2)), {'a': (2, 3, 4)}, {'k': 3, 'axes': [1, 2]})

with open(OUT, 'w') as f:
    json.dump({'generator': 'conformance/scripts/numpy_oracle.py', 'numpy': np.__version__, 'entries': entries}, f, separators=(',', ':'))
    f.write('\n')
print(f'wrote {len(entries)} entries to {OUT}')
