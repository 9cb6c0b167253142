#!/usr/bin/env python3
"""Writes docs/mxnet-1.9.1-api.txt: the public names of MXNet 1.9.1's Python APIs that MXTS
ports (mx.nd, mx.nd.random, mx.autograd, mx.init, mx.gluon and its nn/loss/data/utils,
mx.optimizer, mx.lr_scheduler, mx.metric, mx.np with np.random/np.linalg, mx.npx with
npx.random/npx.image, mx.sym, mx.mod), one `namespace name` per line. It reads an
apache/mxnet git checkout at tag 1.9.1 (not needed in CI: the list is checked in and
scripts/coverage.mjs reads it).

  python3 scripts/extract-mxnet-api.py /path/to/mxnet-git-dir > docs/mxnet-1.9.1-api.txt

mx.nd's operators come from the C++ registrations in src/operator (NNVM_REGISTER_OP,
MXNET_OPERATOR_REGISTER_*, MXNET_REGISTER_OP_PROPERTY and their add_alias names) without a
leading underscore (those are internal, or surface under contrib/linalg/image/numpy), plus the
Python functions in ndarray/ndarray.py and ndarray/utils.py `__all__`. Other namespaces come
from each module's `__all__`, or its public top-level classes and functions where it has none.

mx.np and mx.npx add, at import, the C++ operators registered as `_np_<name>` (to mx.np,
`_np__random_`/`_np__linalg_` to np.random/np.linalg) and `_npx_<name>` (to mx.npx,
`_npx__image_`/`_npx__random_` to npx.image/npx.random), as python/mxnet/base.py's
_init_np_op_module does (npx.image also re-exports mx.image's functions and classes); `_npi_` operators are internal (mx.nd.numpy._internal) and surface
only through the Python functions of numpy/multiarray.py etc., which are listed from their
`__all__` (following `__all__ += module.__all__`). mx.npx also re-exports mx.context's public
classes and functions and a few names from mx.util/mx.nd, per numpy_extension/__init__.py.
mx.sym has the same operators as mx.nd plus symbol/symbol.py's `__all__`; mx.mod has the
classes module/__init__.py imports.
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
    text = show(path)
    m = re.search(r'__all__\s*=\s*(\[[^\]]*\])', text, re.S)
    if m is None:
        return None
    names = [n for n in ast.literal_eval(m.group(1)) if not n.startswith('_')]
    # `__all__ += fallback.__all__`: the named sibling module's list joins this one's.
    for mod in re.findall(r'^__all__\s*\+=\s*([A-Za-z_0-9]+)\.__all__', text, re.M):
        names += dunder_all(f'{path.rsplit("/", 1)[0]}/{mod}.py')
    return names


def imported_names(path):
    """Names a package's __init__.py imports with `from .x import A, B`: no wildcards, no
    submodules (`from . import random`), no private names."""
    names = []
    for node in ast.parse(show(path)).body:
        if isinstance(node, ast.ImportFrom) and node.level > 0 and node.module is not None:
            names += [a.asname or a.name for a in node.names
                      if a.name != '*' and not (a.asname or a.name).startswith('_')]
    return names


def public_defs(path, classes_only=False):
    tree = ast.parse(show(path))
    names = []
    for node in tree.body:
        if isinstance(node, ast.ClassDef) or (not classes_only and isinstance(node, ast.FunctionDef)):
            if not node.name.startswith('_'):
                names.append(node.name)
    return names


def all_ops():
    """Every operator name registered in src/operator, internal (underscore) ones included."""
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
    # Token-pasting macros (`_np_atleast_##N##d`) leave a stem ending in `_`.
    return sorted(n for n in names if not n.startswith('CuDNN') and not n.endswith('_'))


def ops():
    return [n for n in all_ops() if not n.startswith('_')]


def prefixed_ops(prefix):
    """Operators `<prefix><name>` as mx.np/mx.npx expose them: `name`, without the prefix."""
    return [n[len(prefix):] for n in all_ops() if n.startswith(prefix)]


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
np_ops = prefixed_ops('_np_')
add('np', dunder_all('python/mxnet/numpy/multiarray.py')
    + [n for n in np_ops if not n.startswith(('_random_', '_linalg_'))]
    + dunder_all('python/mxnet/numpy/utils.py') + dunder_all('python/mxnet/numpy/function_base.py')
    + dunder_all('python/mxnet/numpy/stride_tricks.py') + dunder_all('python/mxnet/numpy/io.py')
    + dunder_all('python/mxnet/numpy/arrayprint.py'))
add('np.random', dunder_all('python/mxnet/numpy/random.py')
    + [n[len('_random_'):] for n in np_ops if n.startswith('_random_')])
add('np.linalg', dunder_all('python/mxnet/numpy/linalg.py')
    + [n[len('_linalg_'):] for n in np_ops if n.startswith('_linalg_')])
npx_ops = prefixed_ops('_npx_')
add('npx', [n for n in npx_ops if not n.startswith(('_image_', '_random_'))]
    + dunder_all('python/mxnet/numpy_extension/utils.py')
    + public_defs('python/mxnet/context.py')
    # numpy_extension/__init__.py: `from ..util import ...` and `from ..ndarray import waitall`.
    + imported_names('python/mxnet/numpy_extension/__init__.py'))
add('npx.random', dunder_all('python/mxnet/numpy_extension/random.py')
    + [n[len('_random_'):] for n in npx_ops if n.startswith('_random_')])
# numpy_extension/image.py does `from ..image import *`: mx.image's image.py and detection.py,
# which have no `__all__`, so their public classes and functions.
add('npx.image', [n[len('_image_'):] for n in npx_ops if n.startswith('_image_')]
    + public_defs('python/mxnet/image/image.py') + public_defs('python/mxnet/image/detection.py'))
add('sym', ops() + dunder_all('python/mxnet/symbol/symbol.py'))
add('mod', imported_names('python/mxnet/module/__init__.py'))
print(f'# MXNet {TAG} public Python API names (scripts/extract-mxnet-api.py); `namespace name`.')
print('\n'.join(ROWS))
