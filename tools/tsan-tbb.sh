#!/usr/bin/env bash
# Builds oneTBB with ThreadSanitizer into build/tbb-tsan/install, for the tsan preset.
#
# Debian's libtbb.so is not instrumented, so ThreadSanitizer cannot see the order oneTBB's
# atomics put between a task and the next, and reports races that are not there. This
# fetches Debian's own source package of the libtbb-dev that is installed (same version,
# same patches), from the archive the system's apt sources name, and builds libtbb alone
# with clang's -fsanitize=thread (about 15 s on two cores). The system's apt configuration
# is left untouched: the source index goes to a private folder. Does nothing when the
# build is already there.
set -euo pipefail
cd "$(dirname "$0")/.."
work=build/tbb-tsan
if [ -f "$work/install/lib/cmake/TBB/TBBConfig.cmake" ]; then exit 0; fi

version=$(dpkg-query -W -f='${source:Version}' libtbb-dev) || {
    echo "tsan-tbb.sh: libtbb-dev is not installed (run tools/install-dependencies.sh)" >&2
    exit 1
}
rm -rf "$work"
mkdir -p "$work/apt/lists/partial" "$work/apt/sources.list.d"

# The system's sources, as source-package sources (one-line and deb822 formats).
if [ -f /etc/apt/sources.list ]; then
    sed -n 's/^deb /deb-src /p' /etc/apt/sources.list >"$work/apt/sources.list"
fi
for file in /etc/apt/sources.list.d/*.sources; do
    [ -f "$file" ] || continue
    sed 's/^Types:.*/Types: deb-src/' "$file" >"$work/apt/sources.list.d/$(basename "$file")"
done
apt_private=(-o Dir::Etc::SourceList="$PWD/$work/apt/sources.list"
    -o Dir::Etc::SourceParts="$PWD/$work/apt/sources.list.d"
    -o Dir::State::Lists="$PWD/$work/apt/lists")
# A source that offers no source packages fails its part of the update alone; what matters
# is whether the one package comes.
apt-get "${apt_private[@]}" update >"$work/apt.log" 2>&1 || true
(cd "$work" && apt-get "${apt_private[@]}" source "onetbb=$version") >>"$work/apt.log" 2>&1 || {
    cat "$work/apt.log" >&2
    echo "tsan-tbb.sh: could not fetch Debian's source of onetbb $version" >&2
    exit 1
}

source_dir=$(find "$work" -maxdepth 1 -type d -name 'onetbb-*' | head -1)
CC=clang CXX=clang++ cmake -S "$source_dir" -B "$work/build" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTBB_SANITIZE=thread -DTBB_TEST=OFF \
    -DTBB_EXAMPLES=OFF -DTBBMALLOC_BUILD=OFF -DTBB_STRICT=OFF \
    -DCMAKE_INSTALL_PREFIX="$PWD/$work/install" >/dev/null
cmake --build "$work/build" -j "$(nproc)" >/dev/null
cmake --install "$work/build" >/dev/null
echo "oneTBB $version built with ThreadSanitizer in $work/install"
