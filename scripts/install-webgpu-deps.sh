#!/usr/bin/env bash
# The Debian packages the WebGPU backend needs for Mesa's software adapter (Dawn's OpenGL ES
# route on llvmpipe), measured in shared/setup/webgpu-without-gpu.md. Needs root.
set -euo pipefail
pkgs=(libvulkan1 mesa-vulkan-drivers libegl1 libegl-mesa0 libgl1-mesa-dri libegl-dev)
if dpkg -s "${pkgs[@]}" >/dev/null 2>&1; then exit 0; fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
