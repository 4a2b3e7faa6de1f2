#!/usr/bin/env bash
# Installs the Debian packages pipesim needs to build and test, skipping those present.
set -euo pipefail
packages=(
  cmake ninja-build g++ pkg-config
  libeigen3-dev libboost-graph-dev libboost-math-dev libtbb-dev libspdlog-dev
  libyaml-cpp-dev libcli11-dev nlohmann-json3-dev librandom123-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libexpat1-dev libsqlite3-dev libopenmpi-dev openmpi-bin
  chromium python3 python3-numpy fonts-noto-cjk
  clang lld libclang-rt-14-dev dpkg-dev
)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
