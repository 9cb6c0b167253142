#!/usr/bin/env bash
# Builds the prototype addon against Debian's OpenBLAS (apt-get install libopenblas-dev) and
# Node's headers (/usr/include/node, or NODE_INCLUDE). Not part of any package build.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p build
g++ -O2 -shared -fPIC -DNODE_GYP_MODULE_NAME=sgemm \
  -I"${NODE_INCLUDE:-/usr/include/node}" -I/usr/include/x86_64-linux-gnu/openblas-pthread \
  sgemm.cc -lopenblas -o build/sgemm.node
