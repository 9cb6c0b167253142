#!/usr/bin/env python3
"""Writes docs/mxnet-1.9.1-api.txt: the public names of MXNet 1.9.1's Python APIs that MXTS
ports (mx.nd, mx.nd.random, mx.autograd, mx.init, mx.gluon and its nn/loss/data/utils,
mx.optimizer, mx.lr_scheduler, mx.metric), one `namespace name` per line. It reads an
apache/mxnet git checkout at tag 1.9.1 (not needed in CI: the list is checked in and
scripts/coverage.mjs reads it).

  python3 scripts/extract-mxnet-api.py /path/to/mxnet-git-dir > docs/mxnet-1.9.1-api.txt

mx.nd's operators come from the C++ registrations in src/operator (NNVM_REGISTER_OP,
MXNET_OPERATOR_REGISTER_*, MXNET_REGISTER_OP_PROPERTY and their add_alias names) without a
leading underscore (those are internal, or surface under contrib/linalg/image/numpy), plus the
Python functions in ndarray/ndarray.py and ndarray/utils.py `__all__`. Other namespaces come
from each module's `__all__`, or its public top-level classes and functions where it has none.
"""
import ast
import re
import subprocess
import sys

REPO = sys.argv[1]
TAG = '1.9.1'


def show(path):
    return subprocess.run(['git', '-C', REPO, 'show', f'{TAG}:{path}'], capture_output=True,
                          text=True, check=True).stdout


def dunder_all(path):
    m = re.search(r'__all__\s*=\s*(\[[^\]]*\])', show(path), re.S)
    return None if m is None else [n for n in ast.literal_eval(m.group(1)) if not n.startswith('_')]


def public_defs(path, classes_only=False):
    tree = ast.parse(show(path))
    names = []
    for node in tree.body:
        if isinstance(node, ast.ClassDef) or (not classes_only and isinstance(node, ast.FunctionDef)):
            if not node.name.startswith('_'):
                names.append(node.name)
    return names


def ops():
    pat = (r'(NNVM_REGISTER_OP|MXNET_OPERATOR_REGISTER_[A-Z0-9_]+|MXNET_REGISTER_OP_PROPERTY)'
           r'\(\s*([A-Za-z_0-9]+)')
    out = subprocess.run(['git', '-C', REPO, 'grep', '-hoE', pat.replace('\\(', '[(]'), TAG, '--',
                          'src/operator'], capture_output=True, text=True, check=True).stdout
    names = {re.sub(r'.*[(]\s*', '', line) for line in out.splitlines()}
    out = subprocess.run(['git', '-C', REPO, 'grep', '-hoE', r'add_alias[(]"[A-Za-z_0-9]+"[)]', TAG,
                          '--', 'src/operator'], capture_output=True, text=True, check=True).stdout
    names |= {re.sub(r'add_alias[(]"(.*)"[)]', r'\1', line) for line in out.splitlines()}
    # Macro parameters caught by the pattern inside the macros' own definitions.
    names -= {'name', 'distr', '__name$', 'op_name'}
    return sorted(n for n in names if not n.startswith('_') and not n.startswith('CuDNN'))


ROWS = []


def add(ns, names):
    for n in sorted(set(names)):
        ROWS.append(f'{ns} {n}')


add('nd', ops() + [n for n in dunder_all('python/mxnet/ndarray/ndarray.py')
                   if n not in ('NDArray',) and not n.startswith(('get_', 'indexing_'))]
    + dunder_all('python/mxnet/ndarray/utils.py'))
add('nd.random', dunder_all('python/mxnet/ndarray/random.py'))
add('autograd', public_defs('python/mxnet/autograd.py'))
add('init', [n for n in public_defs('python/mxnet/initializer.py', classes_only=True)] +
    ['register', 'create'])
add('gluon', dunder_all('python/mxnet/gluon/block.py') + dunder_all('python/mxnet/gluon/parameter.py')
    + dunder_all('python/mxnet/gluon/trainer.py'))
add('gluon.nn', dunder_all('python/mxnet/gluon/nn/basic_layers.py')
    + dunder_all('python/mxnet/gluon/nn/conv_layers.py')
    + dunder_all('python/mxnet/gluon/nn/activations.py'))
add('gluon.loss', dunder_all('python/mxnet/gluon/loss.py'))
add('gluon.data', dunder_all('python/mxnet/gluon/data/dataset.py')
    + dunder_all('python/mxnet/gluon/data/sampler.py')
    + dunder_all('python/mxnet/gluon/data/dataloader.py'))
add('gluon.data.vision', dunder_all('python/mxnet/gluon/data/vision/datasets.py'))
add('gluon.data.vision.transforms',
    public_defs('python/mxnet/gluon/data/vision/transforms.py', classes_only=True))
add('gluon.utils', dunder_all('python/mxnet/gluon/utils.py'))
add('optimizer', public_defs('python/mxnet/optimizer/optimizer.py', classes_only=True))
add('lr_scheduler', public_defs('python/mxnet/lr_scheduler.py', classes_only=True))
add('metric', public_defs('python/mxnet/metric.py', classes_only=True))
print(f'# MXNet {TAG} public Python API names (scripts/extract-mxnet-api.py); `namespace name`.')
print('\n'.join(ROWS))
