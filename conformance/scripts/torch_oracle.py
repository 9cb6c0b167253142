#!/usr/bin/env python3
"""Writes conformance/src/fixtures/torch-oracle.json: float64 PyTorch references for MXTS's
layer ops (forward outputs and the gradients of <op(inputs), head> for a fixed random head).

Rerun (from the repository root), with the CPU wheel of PyTorch 2.13.0 (numpy 2.x):

    python3 -m venv /tmp/torchenv
    /tmp/torchenv/bin/pip install torch==2.13.0+cpu numpy   # or the local wheel file
    /tmp/torchenv/bin/python conformance/scripts/torch_oracle.py

The output is deterministic: each entry seeds its own generator with the CRC-32 of its name,
so adding an entry leaves the others unchanged. PyTorch is only the generator of the fixture;
the tests read the JSON and never run Python.

Every input is drawn in float32 and widened to float64, so MXTS (float32) sees exactly the
inputs the reference used; outputs and gradients are computed in float64. Options are
written in MXTS's spelling (MXNet's keyword parameters in camelCase). Where PyTorch's
semantics differ from MXNet 1.9.1's, the reference follows MXNet, as said at each entry.

Each check carries `terms`: how many float32 terms MXTS accumulates into one value, which
scales the float32 tolerance (conformance/src/op-info/tolerance.ts).
"""

import json
import math
import os
import zlib

import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
OUT = os.path.normpath(
    os.path.join(os.path.dirname(__file__), '..', 'src', 'fixtures', 'torch-oracle.json'))

entries = []
# Gluon blocks (gluon.nn layers with given weights, gluon.loss losses): run by
# torchOracleGluonCases(gluon), which the caller hands the @mxts/gluon module.
blocks = []


def rng(name):
    g = torch.Generator()
    g.manual_seed(zlib.crc32(name.encode()))
    return g


def draw(g, shape, lo=-1.0, hi=1.0):
    """Uniform in [lo, hi), drawn in float32 and widened, so float32 holds it exactly."""
    x = torch.rand(shape, generator=g, dtype=torch.float32) * (hi - lo) + lo
    return x.to(torch.float64)


def normal(g, shape):
    return torch.randn(shape, generator=g, dtype=torch.float32).to(torch.float64)


def away_from_zero(g, shape, lo=0.05, hi=1.0):
    """Values with |x| in [lo, hi): no input sits on a kink at 0."""
    mag = draw(g, shape, lo, hi)
    sign = torch.where(torch.rand(shape, generator=g) < 0.5, -1.0, 1.0)
    return mag * sign


def arr(t):
    t = t.detach()
    return {'shape': list(t.shape), 'values': [float(v) for v in t.reshape(-1).tolist()]}


def add(name, op, options, inputs, fn, terms, grad_of, mode='predict', extra=None, g=None,
        into=None):
    """Runs fn(**inputs) in float64, records the forward output and the gradients of
    <output, head> with respect to the inputs named in grad_of.

    terms: {'forward': n, '<input>': n, ...}."""
    g = g or rng(name + '/head')
    leaves = {k: v.clone().requires_grad_(k in grad_of) for k, v in inputs.items()}
    y = fn(**leaves)
    head = normal(g, y.shape)
    grads = {}
    if grad_of:
        gs = torch.autograd.grad(y, [leaves[k] for k in grad_of], head, allow_unused=True)
        for k, gk in zip(grad_of, gs):
            grads[k] = arr(gk if gk is not None else torch.zeros_like(inputs[k]))
            grads[k]['terms'] = terms[k]
    fwd = arr(y)
    fwd['terms'] = terms['forward']
    e = {
        'name': name,
        'op': op,
        'options': options,
        'mode': mode,
        'inputs': {k: arr(v) for k, v in inputs.items()},
        'head': arr(head),
        'forward': fwd,
        'grads': grads,
    }
    if extra:
        e.update(extra)
    (entries if into is None else into).append(e)


# --- Convolution: cross-correlation as torch's conv1d/conv2d; the output length is
# floor((n + 2p - d(k-1) - 1)/s) + 1 in both.


def conv(name, x_shape, w_shape, kernel, stride=None, pad=None, dilate=None, groups=1, bias=True):
    g = rng('Convolution/' + name)
    nd = len(kernel)
    inputs = {'data': draw(g, x_shape), 'weight': draw(g, w_shape)}
    if bias:
        inputs['bias'] = draw(g, [w_shape[0]])
    s = stride or [1] * nd
    p = pad or [0] * nd
    d = dilate or [1] * nd
    options = {'kernel': kernel, 'numFilter': w_shape[0], 'noBias': not bias}
    if stride:
        options['stride'] = stride
    if pad:
        options['pad'] = pad
    if dilate:
        options['dilate'] = dilate
    if groups != 1:
        options['numGroup'] = groups
    f = F.conv1d if nd == 1 else F.conv2d

    def fn(data, weight, bias=None):
        return f(data, weight, bias, stride=s, padding=p, dilation=d, groups=groups)

    window = math.prod(kernel)
    out = fn(**inputs)
    per_out = math.prod(out.shape[2:]) * x_shape[0]
    terms = {
        'forward': (x_shape[1] // groups) * window + (1 if bias else 0),
        'data': (w_shape[0] // groups) * window,
        'weight': per_out,
        'bias': per_out,
    }
    add('Convolution/' + name, 'Convolution', options, inputs, fn, terms, list(inputs))


conv('1d-k3', [2, 3, 7], [4, 3, 3], [3])
conv('1d-stride2-pad1-dilate2', [2, 2, 9], [3, 2, 3], [3], stride=[2], pad=[1], dilate=[2])
conv('1d-groups2-nobias', [1, 4, 6], [4, 2, 2], [2], groups=2, bias=False)
conv('2d-k3', [2, 2, 5, 5], [3, 2, 3, 3], [3, 3])
conv('2d-stride2-pad1', [1, 3, 6, 6], [2, 3, 3, 3], [3, 3], stride=[2, 2], pad=[1, 1])
conv('2d-dilate2-pad2', [1, 2, 6, 5], [2, 2, 3, 2], [3, 2], pad=[2, 1], dilate=[2, 1])
conv('2d-groups2', [2, 4, 4, 4], [6, 2, 2, 2], [2, 2], groups=2)
conv('2d-depthwise-nobias', [1, 3, 5, 5], [3, 1, 3, 3], [3, 3], pad=[1, 1], groups=3, bias=False)
conv('2d-asym-stride', [1, 2, 7, 6], [2, 2, 3, 2], [3, 2], stride=[2, 1], pad=[0, 1])
conv('2d-stride-over-kernel', [1, 2, 8, 8], [2, 2, 2, 2], [2, 2], stride=[3, 3], pad=[1, 1])
conv('2d-k1x1', [2, 3, 3, 3], [4, 3, 1, 1], [1, 1])
conv('2d-groups-dilate-stride', [1, 4, 9, 9], [4, 2, 3, 3], [3, 3], stride=[2, 2],
     pad=[2, 2], dilate=[2, 2], groups=2)


# --- Pooling, MXNet 1.9.1's src/operator/nn/pool.h (the reference CPU kernels):
# max: padding never wins (torch pads with -inf: the same); gradient to the first maximum of
#   the window in row-major order (torch: the first strictly greater, the same; random inputs
#   have no ties anyway).
# avg: pool_size = (min(h0+k, H+p) - h0) * (...), i.e. the window clipped to the padded
#   input, or to the input itself without count_include_pad: torch's avg_pool2d computes
#   exactly these two divisors.
# sum: the window's sum over the input (padding adds 0): torch's avg_pool2d with
#   divisor_override=1.
# 'full': 1 + ceil((H + 2p - k)/s) windows, torch's ceil_mode, except that torch drops a last
#   window starting in the right padding and MXNet keeps it: the entries avoid that case and
#   the script checks the shape against MXNet's formula.
# global_pool: the whole spatial extent, no padding, any kernel ignored.


def mx_pool_len(n, k, s, p, full):
    q = (n + 2 * p - k) / s
    return 1 + (math.ceil(q) if full else math.floor(q))


def pool(name, x_shape, pool_type, kernel=None, stride=None, pad=None, full=False,
         count_include_pad=True, global_pool=False, x=None):
    g = rng('Pooling/' + name)
    x = draw(g, x_shape) if x is None else x
    nd_ = len(x_shape) - 2
    options = {'poolType': pool_type}
    if global_pool:
        options['globalPool'] = True
        options['kernel'] = kernel or [1, 1]

        def fn(data):
            if pool_type == 'max':
                return data.amax(dim=(2, 3), keepdim=True)
            if pool_type == 'avg':
                return data.mean(dim=(2, 3), keepdim=True)
            return data.sum(dim=(2, 3), keepdim=True)

        window = x_shape[2] * x_shape[3]
    else:
        s = stride or [1] * nd_
        p = pad or [0] * nd_
        options['kernel'] = kernel
        if stride:
            options['stride'] = stride
        if pad:
            options['pad'] = pad
        if full:
            options['poolingConvention'] = 'full'
        if pool_type == 'avg' and not count_include_pad:
            options['countIncludePad'] = False

        def fn(data):
            # 1-D windows run as 2-D ones of height 1 (torch's avg_pool1d has no
            # divisor_override).
            x4 = data.unsqueeze(2) if nd_ == 1 else data
            k, st, pd = ([1] + kernel, [1] + s, [0] + p) if nd_ == 1 else (kernel, s, p)
            if pool_type == 'max':
                y4 = F.max_pool2d(x4, k, st, pd, ceil_mode=full)
            elif pool_type == 'avg':
                y4 = F.avg_pool2d(x4, k, st, pd, ceil_mode=full,
                                  count_include_pad=count_include_pad)
            else:
                y4 = F.avg_pool2d(x4, k, st, pd, ceil_mode=full, count_include_pad=True,
                                  divisor_override=1)
            return y4.squeeze(2) if nd_ == 1 else y4

        y = fn(x)
        want = [mx_pool_len(x_shape[2 + i], kernel[i], s[i], p[i], full) for i in range(nd_)]
        assert list(y.shape[2:]) == want, (name, list(y.shape), want)
        window = math.prod(kernel)
    terms = {'forward': window, 'data': window}
    add('Pooling/' + name, 'Pooling', options, {'data': x}, fn, terms, ['data'])


pool('max-k2s2', [2, 2, 4, 4], 'max', [2, 2], [2, 2])
pool('max-k3s1-pad1', [1, 2, 5, 5], 'max', [3, 3], [1, 1], [1, 1])
pool('max-k3s2-full', [1, 2, 6, 6], 'max', [3, 3], [2, 2], full=True)
pool('max-k3s2-pad1-full', [1, 1, 6, 8], 'max', [3, 3], [2, 2], [1, 1], full=True)
pool('avg-k2s2', [2, 2, 4, 4], 'avg', [2, 2], [2, 2])
pool('avg-k3s2-pad1-include', [1, 2, 5, 5], 'avg', [3, 3], [2, 2], [1, 1])
pool('avg-k3s2-pad1-exclude', [1, 2, 5, 5], 'avg', [3, 3], [2, 2], [1, 1], count_include_pad=False)
pool('avg-k3s2-full-exclude', [1, 2, 6, 6], 'avg', [3, 3], [2, 2], full=True,
     count_include_pad=False)
pool('avg-k2s1-pad1-full-exclude', [1, 1, 4, 5], 'avg', [2, 2], [1, 1], [1, 1], full=True,
     count_include_pad=False)
pool('sum-k2s2', [1, 2, 4, 4], 'sum', [2, 2], [2, 2])
pool('sum-k3s2-pad1', [1, 2, 5, 5], 'sum', [3, 3], [2, 2], [1, 1])
pool('sum-k3s2-full', [1, 1, 6, 6], 'sum', [3, 3], [2, 2], full=True)
pool('avg-k3s2-full-include', [1, 2, 6, 6], 'avg', [3, 3], [2, 2], full=True)
pool('avg-k3s2-pad1-full-include', [1, 1, 6, 6], 'avg', [3, 3], [2, 2], [1, 1], full=True)
pool('max-k3s3-stride-skips', [1, 1, 7, 8], 'max', [2, 2], [3, 3])
pool('1d-max-k3s2-pad1', [2, 3, 7], 'max', [3], [2], [1])
pool('1d-avg-k2s1-exclude', [1, 2, 5], 'avg', [2], [1], [1], count_include_pad=False)
pool('1d-sum-k3s2-full', [1, 2, 8], 'sum', [3], [2], full=True)
# Ties: small integers, so windows hold equal maxima; MXNet's gradient goes to the first
# in row-major order (pool.h unpool_max_2d: the first element equal to the output, then
# break), as torch's (the first strictly greater wins). Overlapping windows share maxima.
pool('max-ties-overlap', [1, 2, 5, 5], 'max', [3, 3], [1, 1],
     x=torch.randint(0, 3, [1, 2, 5, 5], generator=rng('Pooling/ties')).to(torch.float64))
pool('global-max', [2, 3, 3, 4], 'max', global_pool=True)
pool('global-avg', [2, 3, 3, 4], 'avg', global_pool=True)
pool('global-sum', [2, 3, 3, 4], 'sum', global_pool=True)


# --- BatchNorm, MXNet 1.9.1 src/operator/nn/batch_norm.cc:
# training (record in train mode, no use_global_stats): the batch mean and the biased variance
#   normalize, and moving = moving * momentum + batch * (1 - momentum), with the biased
#   variance (torch's running_var takes the unbiased one and the other momentum convention:
#   the moving statistics are computed here directly).
# otherwise: the moving statistics normalize, and are constants of the graph.
# fix_gamma (nd.BatchNorm's default, True): gamma is taken as 1 and its gradient is written
#   as 0 (BatchNormBackwardImpl: `if (param_.fix_gamma) gradWeightData[channel] = 0`).


def batch_norm(name, x_shape, train, axis=1, eps=1e-3, momentum=0.9, fix_gamma=True,
               use_global_stats=False, scale=1.5, offset=0.3):
    g = rng('BatchNorm/' + name)
    c = x_shape[axis]
    inputs = {
        'data': normal(g, x_shape) * scale + offset,
        'gamma': draw(g, [c], 0.5, 1.5),
        'beta': draw(g, [c]),
        'movingMean': draw(g, [c], -0.5, 0.5),
        'movingVar': draw(g, [c], 0.5, 2.0),
    }
    options = {'eps': eps, 'momentum': momentum, 'fixGamma': fix_gamma}
    if axis != 1:
        options['axis'] = axis
    if use_global_stats:
        options['useGlobalStats'] = True
    nd_ = len(x_shape)
    ax = axis % nd_
    red = [i for i in range(nd_) if i != ax]
    along = [x_shape[i] if i == ax else 1 for i in range(nd_)]
    batch = train and not use_global_stats

    def fn(data, gamma, beta, movingMean, movingVar):
        if batch:
            mu = data.mean(dim=red, keepdim=True)
            var = ((data - mu) ** 2).mean(dim=red, keepdim=True)
        else:
            mu = movingMean.detach().reshape(along)
            var = movingVar.detach().reshape(along)
        y = (data - mu) / torch.sqrt(var + eps)
        if not fix_gamma:
            y = y * gamma.reshape(along)
        return y + beta.reshape(along)

    # Cross-check the formula with torch's own batch_norm (float64).
    ref = F.batch_norm(inputs['data'].movedim(ax, 1),
                       inputs['movingMean'].clone(), inputs['movingVar'].clone(),
                       None if fix_gamma else inputs['gamma'], inputs['beta'],
                       training=batch, eps=eps).movedim(1, ax)
    assert torch.allclose(ref, fn(**inputs), rtol=1e-12, atol=1e-12), name
    per_channel = math.prod(x_shape) // c
    terms = {'forward': per_channel, 'data': per_channel, 'gamma': per_channel,
             'beta': per_channel}
    # Without batch statistics the moving ones stay as they were.
    mm, mv = inputs['movingMean'], inputs['movingVar']
    if batch:
        x = inputs['data']
        mu = x.mean(dim=red)
        var = ((x - mu.reshape(along)) ** 2).mean(dim=red)
        mm = mm * momentum + mu * (1 - momentum)
        mv = mv * momentum + var * (1 - momentum)
    extra = {'movingAfter': {'movingMean': dict(arr(mm), terms=per_channel),
                             'movingVar': dict(arr(mv), terms=per_channel)}}
    add('BatchNorm/' + name, 'BatchNorm', options, inputs, fn, terms,
        ['data', 'gamma', 'beta'], mode='train' if train else 'predict', extra=extra)


batch_norm('train-fixgamma-2d', [4, 3], True)
batch_norm('train-fixgamma-nchw', [2, 3, 3, 2], True)
batch_norm('train-gamma-nchw', [2, 3, 3, 2], True, fix_gamma=False, eps=1e-5, momentum=0.8)
batch_norm('train-gamma-axis-last', [3, 2, 4], True, axis=-1, fix_gamma=False)
batch_norm('train-use-global-stats', [2, 3, 2, 2], True, fix_gamma=False, use_global_stats=True)
# An offset ten times the spread: the variance of centered values, not E[x²] - E[x]².
batch_norm('train-offset-mean', [4, 2, 3, 3], True, fix_gamma=False, eps=1e-5, scale=0.5,
           offset=5.0)
batch_norm('predict-fixgamma-nchw', [2, 3, 2, 2], False)
batch_norm('predict-gamma-nchw', [2, 3, 2, 2], False, fix_gamma=False, eps=1e-5)


# --- LayerNorm, MXNet src/operator/nn/layer_norm.cc: biased variance along one axis.


def layer_norm(name, x_shape, axis=-1, eps=1e-5):
    g = rng('LayerNorm/' + name)
    n = x_shape[axis]
    inputs = {'data': normal(g, x_shape) * 2 + 0.5, 'gamma': draw(g, [n], 0.5, 1.5),
              'beta': draw(g, [n])}
    along = [d if i == axis % len(x_shape) else 1 for i, d in enumerate(x_shape)]

    def fn(data, gamma, beta):
        mu = data.mean(dim=axis, keepdim=True)
        var = ((data - mu) ** 2).mean(dim=axis, keepdim=True)
        return (data - mu) / torch.sqrt(var + eps) * gamma.reshape(along) + beta.reshape(along)

    if axis in (-1, len(x_shape) - 1):
        ref = F.layer_norm(inputs['data'], [n], inputs['gamma'], inputs['beta'], eps)
        assert torch.allclose(ref, fn(**inputs), rtol=1e-12, atol=1e-12), name
    options = {} if axis == -1 else {'axis': axis}
    if eps != 1e-5:
        options['eps'] = eps
    rows = math.prod(x_shape) // n
    terms = {'forward': n, 'data': n, 'gamma': rows, 'beta': rows}
    add('LayerNorm/' + name, 'LayerNorm', options, inputs, fn, terms, list(inputs))


layer_norm('last-axis', [3, 5])
layer_norm('axis1-eps1e-3', [2, 4, 3], axis=1, eps=1e-3)
layer_norm('3d-last', [2, 2, 6])
layer_norm('axis0', [4, 3], axis=0)


# --- Embedding: rows of the weight; its gradient sums the head rows per index (repeated
# indices included). Indices travel as float32, as MXNet's.


def embedding(name, idx, input_dim, output_dim):
    g = rng('Embedding/' + name)
    inputs = {'data': torch.tensor(idx, dtype=torch.float64),
              'weight': draw(g, [input_dim, output_dim])}

    # MXNet's take in clip mode (indexing_op.h, mshadow AddTakeGrad): the float index is
    # truncated toward zero, then clipped into [0, input_dim - 1]; torch would reject it.
    def rows(data):
        return data.trunc().clamp(0, input_dim - 1).long()

    def fn(data, weight):
        return F.embedding(rows(data), weight)

    picked = rows(inputs['data']).reshape(-1).tolist()
    uses = max(picked.count(i) for i in range(input_dim))
    terms = {'forward': 1, 'weight': max(1, uses)}
    add('Embedding/' + name, 'Embedding', {'inputDim': input_dim, 'outputDim': output_dim},
        inputs, fn, terms, ['weight'])


embedding('repeated-indices', [[1, 3, 1], [0, 1, 4]], 5, 3)
embedding('1d', [2, 0, 2, 2], 3, 4)
embedding('clipped-truncated', [[-1, 7, 2.6], [0.9, -0.5, 3.99]], 4, 3)


# --- LeakyReLU, MXNet src/operator/leaky_relu-inl.h; nd.LeakyReLU's default slope is 0.25.
# elu uses slope as alpha; selu MXNet's constants (the same as torch's); gelu the erf form
# 0.5 x (1 + erf(x / sqrt 2)) (mshadow_op::gelu), torch's approximate='none'.


def leaky(name, act, x_shape, slope=None, gamma_shape=None, hi=2.0):
    g = rng('LeakyReLU/' + name)
    inputs = {'data': away_from_zero(g, x_shape, 0.05, hi)}
    options = {'actType': act}
    if slope is not None:
        options['slope'] = slope
    a = 0.25 if slope is None else slope
    if act == 'prelu':
        inputs['gamma'] = draw(g, gamma_shape, 0.05, 0.6)

    def fn(data, gamma=None):
        if act == 'leaky':
            return F.leaky_relu(data, a)
        if act == 'prelu':
            return F.prelu(data, gamma)
        if act == 'elu':
            return F.elu(data, a)
        if act == 'selu':
            return F.selu(data)
        return F.gelu(data)

    per_gamma = math.prod(x_shape) // (math.prod(gamma_shape) if gamma_shape else 1)
    terms = {'forward': 1, 'data': 1, 'gamma': per_gamma}
    add('LeakyReLU/' + name, 'LeakyReLU', options, inputs, fn, terms, list(inputs))


leaky('leaky-default-slope', 'leaky', [3, 4])
leaky('leaky-slope0.1', 'leaky', [2, 5], slope=0.1)
leaky('prelu-per-channel', 'prelu', [2, 3, 2, 2], gamma_shape=[3])
leaky('prelu-shared', 'prelu', [4, 3], gamma_shape=[1])
leaky('elu-default', 'elu', [3, 4])
leaky('elu-slope1', 'elu', [2, 5], slope=1.0)
leaky('selu', 'selu', [3, 4])
leaky('gelu', 'gelu', [3, 5])
leaky('gelu-wide', 'gelu', [4, 5], hi=5.0)
leaky('elu-wide', 'elu', [4, 5], slope=0.7, hi=6.0)
leaky('prelu-2d-per-channel', 'prelu', [3, 4], gamma_shape=[4])


# --- softmax_cross_entropy: -sum over the batch of log softmax(data)[label], shape (1,).


def sce(name, batch, classes, scale=1.0):
    g = rng('softmaxCrossEntropy/' + name)
    labels = torch.randint(0, classes, [batch], generator=g).to(torch.float64)
    inputs = {'data': normal(g, [batch, classes]) * scale, 'label': labels}

    def fn(data, label):
        return F.cross_entropy(data, label.long(), reduction='sum').reshape(1)

    terms = {'forward': batch * classes, 'data': classes}
    add('softmaxCrossEntropy/' + name, 'softmaxCrossEntropy', {}, inputs, fn, terms, ['data'])


sce('4x5', 4, 5)
sce('3x7-large-logits', 3, 7, scale=8.0)


# --- FullyConnected: data · weightᵀ + bias; flatten=True flattens all but the first axis,
# flatten=False applies to the last axis. Dense = FullyConnected then Activation.

ACTS = {
    'relu': F.relu,
    'sigmoid': torch.sigmoid,
    'tanh': torch.tanh,
    'softrelu': F.softplus,
    'softsign': F.softsign,
}


def fully_connected(name, x_shape, hidden, flatten=True, bias=True, act=None):
    op = 'Dense' if act else 'FullyConnected'
    g = rng(op + '/' + name)
    k = math.prod(x_shape[1:]) if flatten else x_shape[-1]
    inputs = {'data': draw(g, x_shape), 'weight': draw(g, [hidden, k], -0.7, 0.7)}
    if bias:
        inputs['bias'] = draw(g, [hidden])
    options = {'numHidden': hidden}
    if not bias:
        options['noBias'] = True
    if not flatten:
        options['flatten'] = False
    if act:
        options['actType'] = act

    def fn(data, weight, bias=None):
        x = data.reshape(x_shape[0], -1) if flatten else data
        y = F.linear(x, weight, bias)
        return ACTS[act](y) if act else y

    rows = math.prod(x_shape) // k
    terms = {'forward': k + 1, 'data': hidden, 'weight': rows, 'bias': rows}
    add(op + '/' + name, op, options, inputs, fn, terms, list(inputs))


fully_connected('flatten-4d', [2, 2, 2, 3], 4)
fully_connected('no-flatten-3d', [2, 3, 4], 5, flatten=False)
fully_connected('no-bias', [3, 6], 2, bias=False)
fully_connected('no-flatten-4d-no-bias', [2, 2, 2, 3], 2, flatten=False, bias=False)
for act in ACTS:
    fully_connected(act, [3, 5], 4, act=act)


# --- softmax / log_softmax with axis and temperature: softmax(x / T) along the axis.


def softmax(name, op, x_shape, axis=-1, temperature=None):
    g = rng(op + '/' + name)
    # 'large-logits': spread ±40, where exp overflows float32 unless shifted first.
    inputs = {'data': normal(g, x_shape) * (20 if name == 'large-logits' else 2)}
    options = {}
    if axis != -1:
        options['axis'] = axis
    t = 1.0
    if temperature is not None:
        options['temperature'] = temperature
        t = temperature

    def fn(data):
        z = data / t
        return F.softmax(z, dim=axis) if op == 'softmax' else F.log_softmax(z, dim=axis)

    n = x_shape[axis]
    add(op + '/' + name, op, options, inputs, fn, {'forward': n, 'data': n}, ['data'])


softmax('last-axis', 'softmax', [3, 5])
softmax('axis0-temperature2', 'softmax', [4, 3], axis=0, temperature=2.0)
softmax('large-logits', 'softmax', [2, 6], temperature=None)
softmax('last-axis', 'logSoftmax', [3, 5])
softmax('large-logits', 'logSoftmax', [2, 6])
softmax('axis1-temperature0.5', 'logSoftmax', [2, 4, 3], axis=1, temperature=0.5)


# --- Activation alone (MXNet's Activation op).


def activation(act, hi=3.0, suffix=''):
    g = rng('Activation/' + act + suffix)
    inputs = {'data': away_from_zero(g, [3, 4], 0.05, hi)}
    add('Activation/' + act + suffix, 'Activation', {'actType': act}, inputs,
        lambda data: ACTS[act](data), {'forward': 1, 'data': 1}, ['data'])


for act in ACTS:
    activation(act)
# |x| up to 100: exp(x) overflows float32 beyond 88.7, so a softrelu or sigmoid must not
# go through it unguarded (MXNet's softrelu returns x above 20).
for act in ACTS:
    activation(act, hi=100.0, suffix='-wide')



# --- Gluon blocks. Each entry names the block (`nn.Dense`), its positional constructor
# arguments (`args`) and options (MXTS's spelling), the inputs its forward takes in order
# (`call`); the other inputs are its parameters, matched by MXNet's name suffix
# (`dense0_weight` -> weight, `batchnorm0_running_mean` -> running_mean).


def block(name, cls, args, options, call, inputs, fn, terms, grad_of, mode='predict',
          extra=None):
    e = {'block': cls, 'args': args, 'call': call}
    e.update(extra or {})
    add(name, cls, options, inputs, fn, terms, grad_of, mode=mode, extra=e, into=blocks)


def dense(name, x_shape, units, activation=None, use_bias=True, flatten=True):
    g = rng('gluon.Dense/' + name)
    k = math.prod(x_shape[1:]) if flatten else x_shape[-1]
    inputs = {'data': draw(g, x_shape), 'weight': draw(g, [units, k], -0.7, 0.7)}
    if use_bias:
        inputs['bias'] = draw(g, [units])
    options = {'inUnits': k}
    if activation:
        options['activation'] = activation
    if not use_bias:
        options['useBias'] = False
    if not flatten:
        options['flatten'] = False

    def fn(data, weight, bias=None):
        x = data.reshape(x_shape[0], -1) if flatten else data
        y = F.linear(x, weight, bias)
        return ACTS[activation](y) if activation else y

    rows = math.prod(x_shape) // k
    terms = {'forward': k + 1, 'data': units, 'weight': rows, 'bias': rows}
    block('nn.Dense/' + name, 'nn.Dense', [units], options, ['data'], inputs, fn, terms,
          list(inputs))


dense('linear', [3, 4], 2)
dense('relu-flatten-3d', [2, 3, 2], 4, activation='relu')
dense('tanh-no-flatten', [2, 3, 4], 3, activation='tanh', flatten=False)
dense('sigmoid-no-bias', [4, 3], 2, activation='sigmoid', use_bias=False)
dense('softrelu', [3, 5], 3, activation='softrelu')


def gluon_leaky(name, cls, alpha, x_shape):
    g = rng('gluon.' + cls + '/' + name)
    inputs = {'data': away_from_zero(g, x_shape, 0.05, 3.0)}
    # MXTS takes alpha positionally in both (MXNet: LeakyReLU(alpha), ELU(alpha=1.0)).
    args = [alpha]
    options = {}

    def fn(data):
        return F.leaky_relu(data, alpha) if cls == 'nn.LeakyReLU' else F.elu(data, alpha)

    block(cls + '/' + name, cls, args, options, ['data'], inputs, fn,
          {'forward': 1, 'data': 1}, ['data'])


gluon_leaky('alpha0.1', 'nn.LeakyReLU', 0.1, [3, 4])
gluon_leaky('alpha0.5', 'nn.ELU', 0.5, [3, 4])


def gluon_conv(name, cls, channels, kernel, x_shape, strides=None, padding=None, dilation=None,
               groups=1, use_bias=True, activation=None):
    g = rng('gluon.' + cls + '/' + name)
    nd_ = len(kernel)
    cin = x_shape[1]
    inputs = {'data': draw(g, x_shape), 'weight': draw(g, [channels, cin // groups] + kernel)}
    if use_bias:
        inputs['bias'] = draw(g, [channels])
    s = strides or [1] * nd_
    p = padding or [0] * nd_
    d = dilation or [1] * nd_
    options = {'inChannels': cin}
    if strides:
        options['strides'] = strides
    if padding:
        options['padding'] = padding
    if dilation:
        options['dilation'] = dilation
    if groups != 1:
        options['groups'] = groups
    if not use_bias:
        options['useBias'] = False
    if activation:
        options['activation'] = activation
    f = F.conv1d if nd_ == 1 else F.conv2d

    def fn(data, weight, bias=None):
        y = f(data, weight, bias, stride=s, padding=p, dilation=d, groups=groups)
        return ACTS[activation](y) if activation else y

    window = math.prod(kernel)
    out = fn(**inputs)
    per_out = math.prod(out.shape[2:]) * x_shape[0]
    terms = {'forward': (cin // groups) * window + 1, 'data': (channels // groups) * window,
             'weight': per_out, 'bias': per_out}
    block(cls + '/' + name, cls, [channels, kernel], options, ['data'], inputs, fn, terms,
          list(inputs))


gluon_conv('k3-pad1', 'nn.Conv2D', 3, [3, 3], [2, 2, 5, 5], padding=[1, 1])
gluon_conv('k3-stride2-relu', 'nn.Conv2D', 2, [3, 3], [1, 3, 7, 7], strides=[2, 2],
           activation='relu')
gluon_conv('groups2-dilate2-nobias', 'nn.Conv2D', 4, [2, 2], [1, 4, 6, 6], dilation=[2, 2],
           groups=2, use_bias=False)
gluon_conv('k3-stride2-pad1', 'nn.Conv1D', 3, [3], [2, 2, 9], strides=[2], padding=[1])


def gluon_pool(name, cls, pool_size, x_shape, strides=None, padding=None, ceil_mode=False,
               count_include_pad=True):
    g = rng('gluon.' + cls + '/' + name)
    inputs = {'data': draw(g, x_shape)}
    options = {}
    args = []
    if cls.startswith('nn.Global'):
        def fn(data):
            if 'Max' in cls:
                return data.amax(dim=(2, 3), keepdim=True)
            return data.mean(dim=(2, 3), keepdim=True)
        window = x_shape[2] * x_shape[3]
    else:
        args = [pool_size]
        # Gluon's strides default to the pool size (None -> pool_size).
        s = strides or pool_size
        p = padding or [0, 0]
        if strides:
            options['strides'] = strides
        if padding:
            options['padding'] = padding
        if ceil_mode:
            options['ceilMode'] = True
        if not count_include_pad:
            options['countIncludePad'] = False

        def fn(data):
            if 'Max' in cls:
                return F.max_pool2d(data, pool_size, s, p, ceil_mode=ceil_mode)
            return F.avg_pool2d(data, pool_size, s, p, ceil_mode=ceil_mode,
                                count_include_pad=count_include_pad)

        y = fn(inputs['data'])
        want = [mx_pool_len(x_shape[2 + i], pool_size[i], s[i], p[i], ceil_mode)
                for i in range(2)]
        assert list(y.shape[2:]) == want, (name, list(y.shape), want)
        window = math.prod(pool_size)
    block(cls + '/' + name, cls, args, options, ['data'], inputs, fn,
          {'forward': window, 'data': window}, ['data'])


gluon_pool('2x2', 'nn.MaxPool2D', [2, 2], [2, 2, 4, 4])
gluon_pool('3x3-stride2-pad1-ceil', 'nn.MaxPool2D', [3, 3], [1, 2, 6, 6], strides=[2, 2],
           padding=[1, 1], ceil_mode=True)
gluon_pool('2x2', 'nn.AvgPool2D', [2, 2], [2, 2, 4, 4])
gluon_pool('3x3-stride2-pad1-exclude', 'nn.AvgPool2D', [3, 3], [1, 2, 5, 5], strides=[2, 2],
           padding=[1, 1], count_include_pad=False)
gluon_pool('global', 'nn.GlobalAvgPool2D', None, [2, 3, 3, 4])
gluon_pool('global', 'nn.GlobalMaxPool2D', None, [2, 3, 3, 4])


# gluon.nn.BatchNorm: MXNet's BatchNorm op with fix_gamma = not scale, eps = epsilon
# (default 1e-5), momentum 0.9; training under record() uses the batch statistics.
def gluon_batch_norm(name, x_shape, train, axis=1, momentum=0.9, epsilon=1e-5, scale=True,
                     center=True):
    g = rng('gluon.BatchNorm/' + name)
    c = x_shape[axis]
    inputs = {'data': normal(g, x_shape) * 1.5 + 0.3, 'gamma': draw(g, [c], 0.5, 1.5),
              'beta': draw(g, [c]), 'running_mean': draw(g, [c], -0.5, 0.5),
              'running_var': draw(g, [c], 0.5, 2.0)}
    options = {'inChannels': c}
    if axis != 1:
        options['axis'] = axis
    if momentum != 0.9:
        options['momentum'] = momentum
    if epsilon != 1e-5:
        options['epsilon'] = epsilon
    if not scale:
        options['scale'] = False
    ax = axis % len(x_shape)
    red = [i for i in range(len(x_shape)) if i != ax]
    along = [x_shape[i] if i == ax else 1 for i in range(len(x_shape))]

    def fn(data, gamma, beta, running_mean, running_var):
        if train:
            mu = data.mean(dim=red, keepdim=True)
            var = ((data - mu) ** 2).mean(dim=red, keepdim=True)
        else:
            mu = running_mean.detach().reshape(along)
            var = running_var.detach().reshape(along)
        y = (data - mu) / torch.sqrt(var + epsilon)
        if scale:
            y = y * gamma.reshape(along)
        return y + beta.reshape(along)

    per_channel = math.prod(x_shape) // c
    terms = {'forward': per_channel, 'data': per_channel, 'gamma': per_channel,
             'beta': per_channel}
    rm, rv = inputs['running_mean'], inputs['running_var']
    if train:
        x = inputs['data']
        mu = x.mean(dim=red)
        var = ((x - mu.reshape(along)) ** 2).mean(dim=red)
        rm = rm * momentum + mu * (1 - momentum)
        rv = rv * momentum + var * (1 - momentum)
    extra = {'movingAfter': {'running_mean': dict(arr(rm), terms=per_channel),
                             'running_var': dict(arr(rv), terms=per_channel)}}
    # Without scale, gamma's grad_req is 'null' (MXNet's BatchNorm block): it has no gradient.
    grad_of = ['data', 'gamma', 'beta'] if scale else ['data', 'beta']
    block('nn.BatchNorm/' + name, 'nn.BatchNorm', [], options, ['data'], inputs, fn, terms,
          grad_of, mode='train' if train else 'predict', extra=extra)


gluon_batch_norm('train-nchw', [2, 3, 3, 2], True)
gluon_batch_norm('train-2d-momentum0.7-noscale', [5, 4], True, momentum=0.7, scale=False)
gluon_batch_norm('predict-nchw', [2, 3, 2, 2], False)


def gluon_layer_norm(name, x_shape, axis=-1, epsilon=1e-5):
    g = rng('gluon.LayerNorm/' + name)
    n = x_shape[axis]
    inputs = {'data': normal(g, x_shape) * 2 + 0.5, 'gamma': draw(g, [n], 0.5, 1.5),
              'beta': draw(g, [n])}
    along = [d if i == axis % len(x_shape) else 1 for i, d in enumerate(x_shape)]
    options = {'inChannels': n}
    if axis != -1:
        options['axis'] = axis
    if epsilon != 1e-5:
        options['epsilon'] = epsilon

    def fn(data, gamma, beta):
        mu = data.mean(dim=axis, keepdim=True)
        var = ((data - mu) ** 2).mean(dim=axis, keepdim=True)
        return (data - mu) / torch.sqrt(var + epsilon) * gamma.reshape(along) + beta.reshape(along)

    rows = math.prod(x_shape) // n
    block('nn.LayerNorm/' + name, 'nn.LayerNorm', [], options, ['data'], inputs, fn,
          {'forward': n, 'data': n, 'gamma': rows, 'beta': rows}, list(inputs))


gluon_layer_norm('last-axis', [3, 5])
gluon_layer_norm('axis1', [2, 4, 3], axis=1, epsilon=1e-3)


def gluon_embedding(name, idx, input_dim, output_dim):
    g = rng('gluon.Embedding/' + name)
    inputs = {'data': torch.tensor(idx, dtype=torch.float64),
              'weight': draw(g, [input_dim, output_dim])}

    def fn(data, weight):
        return F.embedding(data.long(), weight)

    picked = inputs['data'].long().reshape(-1).tolist()
    block('nn.Embedding/' + name, 'nn.Embedding', [input_dim, output_dim], {}, ['data'], inputs,
          fn, {'forward': 1, 'weight': max(picked.count(i) for i in range(input_dim))},
          ['weight'])


gluon_embedding('repeated', [[0, 2, 2], [3, 1, 2]], 4, 3)


# --- gluon.loss, MXNet 1.9.1 python/mxnet/gluon/loss.py: the elementwise loss, times
# sample_weight (broadcast) and weight, then the mean over every axis but batch_axis
# (KLDivLoss: the sum, 1.9.1's code, whatever its docstring says).


def loss(name, cls, options, pred, label, elementwise, sample_weight=None, reduce='mean',
         terms_fwd=None, terms_grad=1, label_grad=False):
    inputs = {'pred': pred, 'label': label}
    call = ['pred', 'label']
    if sample_weight is not None:
        inputs['sampleWeight'] = sample_weight
        call.append('sampleWeight')
    batch_axis = options.get('batchAxis', 0)
    weight = options.get('weight', 1.0 if cls == 'loss.L2Loss' else None)

    def fn(pred, label, sampleWeight=None):
        # Sparse labels keep their shape; others are reshaped like pred (_reshape_like).
        sparse = cls == 'loss.SoftmaxCrossEntropyLoss' and options.get('sparseLabel', True)
        l = elementwise(pred, label if sparse else label.reshape(pred.shape))
        if sampleWeight is not None:
            l = l * sampleWeight
        if weight is not None:
            l = l * (weight / 2 if cls == 'loss.L2Loss' else weight)
        axes = [i for i in range(l.dim()) if i != batch_axis % l.dim()]
        if not axes:
            return l
        return l.mean(dim=axes) if reduce == 'mean' else l.sum(dim=axes)

    n = math.prod(pred.shape) // pred.shape[batch_axis]
    terms = {'forward': terms_fwd or n, 'pred': terms_grad, 'label': terms_grad}
    grad_of = ['pred', 'label'] if label_grad else ['pred']
    block(cls + '/' + name, cls, [], options, call, inputs, fn, terms, grad_of)


def lg(name):
    return rng('gluon.loss/' + name)


g = lg('L2')
loss('default', 'loss.L2Loss', {}, draw(g, [3, 4]), draw(g, [3, 4]),
     lambda p, l: (l - p) ** 2, label_grad=True)
g = lg('L2w')
loss('weight3-sample-weight', 'loss.L2Loss', {'weight': 3.0}, draw(g, [4, 2, 3]),
     draw(g, [4, 6]), lambda p, l: (l - p) ** 2, sample_weight=draw(g, [4, 1, 1], 0, 2))
g = lg('L2b')
loss('batch-axis1', 'loss.L2Loss', {'batchAxis': 1}, draw(g, [3, 4]), draw(g, [3, 4]),
     lambda p, l: (l - p) ** 2)
g = lg('L1')
loss('default', 'loss.L1Loss', {}, away_from_zero(g, [3, 4]), torch.zeros(3, 4) + 0.0,
     lambda p, l: (l - p).abs(), label_grad=True)
g = lg('L1w')
loss('weight0.5-sample-weight', 'loss.L1Loss', {'weight': 0.5}, away_from_zero(g, [4, 3]),
     torch.zeros(4, 3), lambda p, l: (l - p).abs(), sample_weight=draw(g, [4, 1], 0, 2))
g = lg('BCE')
loss('logits', 'loss.SigmoidBinaryCrossEntropyLoss', {}, normal(g, [4, 3]) * 3,
     (torch.rand(4, 3, generator=g) < 0.5).double(),
     lambda p, l: F.binary_cross_entropy_with_logits(p, l, reduction='none'))
g = lg('BCEsw')
loss('logits-soft-labels-sample-weight', 'loss.SigmoidBinaryCrossEntropyLoss', {'weight': 2.0},
     normal(g, [3, 5]) * 2, draw(g, [3, 5], 0, 1),
     lambda p, l: F.binary_cross_entropy_with_logits(p, l, reduction='none'),
     sample_weight=draw(g, [3, 1], 0, 2))
g = lg('BCEsig')
loss('from-sigmoid', 'loss.SigmoidBinaryCrossEntropyLoss', {'fromSigmoid': True},
     draw(g, [4, 3], 0.05, 0.95), (torch.rand(4, 3, generator=g) < 0.5).double(),
     lambda p, l: -(torch.log(p + 1e-12) * l + torch.log(1 - p + 1e-12) * (1 - l)))
g = lg('SCE')
loss('sparse', 'loss.SoftmaxCrossEntropyLoss', {}, normal(g, [4, 5]) * 2,
     torch.randint(0, 5, [4], generator=g).double(),
     lambda p, l: F.cross_entropy(p, l.reshape(-1).long(), reduction='none').reshape(-1, 1),
     terms_fwd=5, terms_grad=5)
g = lg('SCEsw')
loss('sparse-weight-sample-weight', 'loss.SoftmaxCrossEntropyLoss', {'weight': 0.5},
     normal(g, [3, 6]), torch.randint(0, 6, [3], generator=g).double(),
     lambda p, l: F.cross_entropy(p, l.reshape(-1).long(), reduction='none').reshape(-1, 1),
     sample_weight=draw(g, [3, 1], 0, 2), terms_fwd=6, terms_grad=6)
g = lg('SCEdense')
loss('dense-label', 'loss.SoftmaxCrossEntropyLoss', {'sparseLabel': False},
     normal(g, [3, 4]) * 2, F.softmax(normal(g, [3, 4]), dim=-1).float().double(),
     lambda p, l: -(F.log_softmax(p, dim=-1) * l).sum(dim=-1, keepdim=True),
     terms_fwd=4, terms_grad=4)
g = lg('SCElogits')
loss('from-logits-dense', 'loss.SoftmaxCrossEntropyLoss', {'sparseLabel': False,
     'fromLogits': True}, F.log_softmax(normal(g, [3, 4]), dim=-1).float().double(),
     F.softmax(normal(g, [3, 4]), dim=-1).float().double(),
     lambda p, l: -(p * l).sum(dim=-1, keepdim=True), terms_fwd=4, terms_grad=1)
g = lg('SCEaxis')
loss('sparse-axis1', 'loss.SoftmaxCrossEntropyLoss', {'axis': 1}, normal(g, [2, 4, 3]),
     torch.randint(0, 4, [2, 3], generator=g).double(),
     lambda p, l: F.cross_entropy(p, l.long(), reduction='none').unsqueeze(1),
     terms_fwd=4 * 3, terms_grad=4)
g = lg('KL')
loss('from-logits', 'loss.KLDivLoss', {}, F.log_softmax(normal(g, [3, 4]), dim=-1).float()
     .double(), F.softmax(normal(g, [3, 4]), dim=-1).float().double(),
     lambda p, l: l * (torch.log(l + 1e-12) - p), reduce='sum')
g = lg('KLsoft')
loss('softmax-sample-weight', 'loss.KLDivLoss', {'fromLogits': False}, normal(g, [3, 5]),
     F.softmax(normal(g, [3, 5]), dim=-1).float().double(),
     lambda p, l: l * (torch.log(l + 1e-12) - F.log_softmax(p, dim=-1)),
     sample_weight=draw(g, [3, 1], 0, 2), reduce='sum', terms_grad=5)
# Huber: 0.5/rho d² for d <= rho, d - rho/2 beyond: torch's smooth_l1_loss with beta = rho.
g = lg('Huber')
loss('default-rho', 'loss.HuberLoss', {}, normal(g, [4, 3]) * 1.5, normal(g, [4, 3]),
     lambda p, l: F.smooth_l1_loss(p, l, reduction='none', beta=1.0), label_grad=True)
g = lg('Huber2')
loss('rho0.5-weight2', 'loss.HuberLoss', {'rho': 0.5, 'weight': 2.0}, normal(g, [3, 2, 2]),
     normal(g, [3, 4]), lambda p, l: F.smooth_l1_loss(p, l, reduction='none', beta=0.5),
     sample_weight=draw(g, [3, 1, 1], 0, 2))


# --- A LeNet-like model end to end: HybridSequential(Conv2D(relu), MaxPool2D, Flatten,
# Dense(relu), Dense) into SoftmaxCrossEntropyLoss, the Crash Course's training step.
# Parameters are matched by position in collectParams() (children in order, weight then
# bias), since a child's name depends on how many blocks the process made before.


def model(name, n=2, cin=1, hw=6, channels=3, hidden=5, classes=3):
    g = rng('gluon.model/' + name)
    flat = channels * (hw // 2) ** 2
    inputs = {
        'data': draw(g, [n, cin, hw, hw]),
        'label': torch.randint(0, classes, [n], generator=g).double(),
        'conv.weight': draw(g, [channels, cin, 3, 3], -0.6, 0.6),
        'conv.bias': draw(g, [channels], -0.1, 0.1),
        'dense1.weight': draw(g, [hidden, flat], -0.4, 0.4),
        'dense1.bias': draw(g, [hidden], -0.1, 0.1),
        'dense2.weight': draw(g, [classes, hidden], -0.8, 0.8),
        'dense2.bias': draw(g, [classes], -0.1, 0.1),
    }
    params = [k for k in inputs if '.' in k]
    children = [
        {'block': 'nn.Conv2D', 'args': [channels, [3, 3]],
         'options': {'padding': [1, 1], 'activation': 'relu', 'inChannels': cin}},
        {'block': 'nn.MaxPool2D', 'args': [[2, 2]], 'options': {}},
        {'block': 'nn.Flatten', 'args': [], 'options': {}},
        {'block': 'nn.Dense', 'args': [hidden], 'options': {'activation': 'relu', 'inUnits': flat}},
        {'block': 'nn.Dense', 'args': [classes], 'options': {'inUnits': hidden}},
    ]

    def parts(kw):
        z1 = F.conv2d(kw['data'], kw['conv.weight'], kw['conv.bias'], padding=1)
        p = F.max_pool2d(F.relu(z1), 2, 2)
        z2 = F.linear(p.reshape(n, -1), kw['dense1.weight'], kw['dense1.bias'])
        z3 = F.linear(F.relu(z2), kw['dense2.weight'], kw['dense2.bias'])
        return z1, F.relu(z1), z2, z3

    # No value may sit within float32 noise of a kink (ReLU at 0, a max-pool near-tie),
    # or float32 could take the other branch.
    z1, a1, z2, _ = parts(inputs)
    assert z1.abs().min() > 1e-4 and z2.abs().min() > 1e-4, name
    win = a1.unfold(2, 2, 2).unfold(3, 2, 2).reshape(n, channels, -1, 4).sort(dim=-1).values
    # (A window of zeros ties harmlessly: ReLU passes no gradient below 0.)
    gap = torch.where(win[..., 3] > 0, win[..., 3] - win[..., 2], torch.ones(()))
    assert gap.min() > 1e-4, name

    def fn(**kw):
        z3 = parts(kw)[3]
        return F.cross_entropy(z3, kw['label'].long(), reduction='none')

    # Errors add along the chain: the sum of the layers' accumulation lengths.
    chain = cin * 9 + 1 + flat + 1 + hidden + 1 + classes
    terms = {k: chain for k in ['forward', 'data'] + params}
    grad_of = ['data'] + params
    block('nn.HybridSequential/' + name, 'nn.HybridSequential', [], {}, ['data', 'label'],
          inputs, fn, terms, grad_of,
          extra={'children': children, 'params': params,
                 'loss': {'block': 'loss.SoftmaxCrossEntropyLoss', 'args': [], 'options': {}}})


model('lenet-like')
model('lenet-like-batch4', n=4, cin=2, hw=4, channels=2, hidden=4, classes=4)


def main():
    for es in (entries, blocks):
        names = [e['name'] for e in es]
        assert len(names) == len(set(names)), 'entry names must be unique (they are case ids)'
    doc = {
        'generator': 'conformance/scripts/torch_oracle.py',
        'torch': torch.__version__,
        'entries': entries,
        'blocks': blocks,
    }
    with open(OUT, 'w') as f:
        json.dump(doc, f, separators=(',', ':'))
        f.write('\n')
    def checks(es):
        return sum(1 + len(e['grads']) + len(e.get('movingAfter', {})) for e in es)

    print(f'{len(entries)} op entries ({checks(entries)} checks), {len(blocks)} Gluon blocks '
          f'({checks(blocks)} checks), {os.path.getsize(OUT)} bytes -> {OUT}')


if __name__ == '__main__':
    main()
