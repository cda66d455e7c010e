#!/usr/bin/env bash
# Builds the Debian packages in a scratch copy of this tree, with packaging/debian as its debian/.
# Usage: scripts/build-deb.sh OUTDIR [dpkg-buildpackage options]   (default: -us -uc -b)
# Leaves the .deb files (and the .changes and .buildinfo, plus the source
# package when one is built) in OUTDIR. The tree is copied as it is on disk,
# without what .gitignore excludes (build directories, tools), so the
# repository itself is never touched. DEB_BUILD_OPTIONS (nocheck, parallel=N)
# is honoured.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

if [ $# -lt 1 ]; then
  echo "usage: scripts/build-deb.sh OUTDIR [dpkg-buildpackage options]" >&2
  exit 2
fi
out=$1
shift
options=("$@")
[ ${#options[@]} -eq 0 ] && options=(-us -uc -b)

for tool in dpkg-buildpackage dpkg-parsechangelog dh; do
  if ! command -v "$tool" >/dev/null; then
    echo "build-deb: $tool is missing; install dpkg-dev and debhelper" >&2
    exit 1
  fi
done

mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

version=$(dpkg-parsechangelog -l "$root/packaging/debian/changelog" -S Version)
src=$work/licportal-$version
mkdir "$src"

if git -C "$root" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  # Tracked and new files alike, as they are on disk; a tracked file deleted on
  # disk is simply absent from the copy.
  (cd "$root" && git ls-files -z --cached --others --exclude-standard) |
    (cd "$root" && tar --null --files-from=- --ignore-failed-read --warning=no-failed-read -cf -) |
    tar -C "$src" -xf -
else
  tar -C "$root" --exclude='./build*' --exclude=./.tools --exclude=./debian -cf - . | tar -C "$src" -xf -
fi
rm -rf "$src/debian"
cp -a "$src/packaging/debian" "$src/debian"

(cd "$src" && dpkg-buildpackage -Jauto "${options[@]}")

find "$work" -maxdepth 1 -type f -exec cp {} "$out/" \;
find "$out" -maxdepth 1 -name '*.deb' -newer "$src/debian/changelog" -print | sort
