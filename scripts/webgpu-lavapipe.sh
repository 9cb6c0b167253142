#!/usr/bin/env bash
# Full WebGPU (core mode, not the OpenGL ES compatibility mode) on a CPU: Dawn's Vulkan
# route on lavapipe from Mesa 25 (bookworm-backports; stock Mesa 22's lavapipe is refused by
# Dawn). The two packages are unpacked into .cache/lavapipe, never installed system-wide,
# then the conformance suite runs on them. See shared/setup/webgpu-without-gpu.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$root/.cache/lavapipe"
lib="$dir/root/usr/lib/x86_64-linux-gnu"
if [ ! -f "$lib/libvulkan_lvp.so" ]; then
  mkdir -p "$dir/lists/partial" "$dir/debs"
  echo "deb http://deb.debian.org/debian bookworm-backports main" >"$dir/sources.list"
  apt_opts=(-o "Dir::Etc::SourceList=$dir/sources.list" -o Dir::Etc::SourceParts=/dev/null
    -o "Dir::State::Lists=$dir/lists" -o APT::Sandbox::User=root)
  apt-get "${apt_opts[@]}" update -qq
  (cd "$dir/debs" && apt-get "${apt_opts[@]}" download -qq \
    mesa-vulkan-drivers/bookworm-backports libdrm2/bookworm-backports)
  for deb in "$dir"/debs/*.deb; do dpkg -x "$deb" "$dir/root"; done
fi
printf '{"file_format_version": "1.0.0", "ICD": {"library_path": "%s", "api_version": "1.4.305"}}\n' \
  "$lib/libvulkan_lvp.so" >"$dir/lvp_icd.json"
export VK_ICD_FILENAMES="$dir/lvp_icd.json" LD_LIBRARY_PATH="$lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export MXTS_WEBGPU_BACKEND=vulkan
cd "$root"
node conformance/bin/mxts-conformance.js --backend webgpu 2> >(grep -v '^Warning: maxDynamic' >&2)
