#!/usr/bin/env bash
# Builds the Debian packages, unpacks them into a scratch tree (never onto the system) and checks what they hold and that the programs run; TAP output.
# Usage: scripts/test-package.sh [OUTDIR]   (OUTDIR keeps the built packages; default: a temporary folder)
# Needs dpkg-dev, debhelper, fakeroot and lintian besides the build dependencies.
# The project's test suites are not run inside the package build (they run on
# their own in CI); set DEB_BUILD_OPTIONS explicitly (even to "") to change that.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=${1:-$work/out}
mkdir -p "$out"
out=$(cd "$out" && pwd)
export DEB_BUILD_OPTIONS=${DEB_BUILD_OPTIONS-nocheck}

n=0
failed=0
pass() { n=$((n + 1)); echo "ok $n - $1"; }
fail() {
  n=$((n + 1))
  echo "not ok $n - $1"
  shift
  [ $# -gt 0 ] && printf '%s\n' "$@" | sed 's/^/#   /'
  failed=$((failed + 1))
}
finish() {
  echo "1..$n"
  [ "$failed" -eq 0 ]
  exit
}
# check NAME COMMAND...: passes when the command succeeds; shows its output otherwise.
check() {
  local name=$1 output
  shift
  if output=$("$@" 2>&1); then pass "$name"; else fail "$name" "$output"; fi
}

version=$(sed -n "s/^ *version: *'\([^']*\)'.*/\1/p" "$root/meson.build" | head -n1)
changelog_version=$(dpkg-parsechangelog -l "$root/packaging/debian/changelog" -S Version)
if [ -n "$version" ] && [ "$version" = "$changelog_version" ]; then
  pass "debian/changelog version $changelog_version is the project's version"
else
  fail "debian/changelog version $changelog_version is the project's version" "meson.build says '$version'"
fi

spec_version=$(sed -n 's/^Version: *//p' "$root/packaging/rpm/licportal.spec")
if [ "$spec_version" = "$version" ]; then
  pass "rpm/licportal.spec version $spec_version is the project's version"
else
  fail "rpm/licportal.spec version $spec_version is the project's version" "meson.build says '$version'"
fi
pkgbuild_version=$(sed -n 's/^pkgver=//p' "$root/packaging/arch/PKGBUILD")
if [ "$pkgbuild_version" = "$version" ]; then
  pass "arch/PKGBUILD version $pkgbuild_version is the project's version"
else
  fail "arch/PKGBUILD version $pkgbuild_version is the project's version" "meson.build says '$version'"
fi

# Source and binary packages, so that lintian sees debian/ as well as the .debs.
if bash "$root/scripts/build-deb.sh" "$out" -us -uc >"$work/build.log" 2>&1; then
  pass "dpkg-buildpackage builds the packages"
else
  fail "dpkg-buildpackage builds the packages" "$(tail -n 40 "$work/build.log")"
  finish
fi

client_deb=$out/licportal_${changelog_version}_$(dpkg --print-architecture).deb
server_deb=$out/licportald_${changelog_version}_$(dpkg --print-architecture).deb
for deb in "$client_deb" "$server_deb"; do
  if [ -f "$deb" ]; then pass "$(basename "$deb") is built"; else fail "$(basename "$deb") is built"; finish; fi
done

# lintian: errors and warnings fail; informational tags are shown.
changes=$out/licportal_${changelog_version}_$(dpkg --print-architecture).changes
lintian_output=$(lintian --display-info --fail-on error,warning "$changes" 2>&1)
lintian_status=$?
lintian_output=$(grep -v '^running with root privileges is not recommended!$' <<<"$lintian_output")
if [ "$lintian_status" -eq 0 ]; then
  pass "lintian finds no errors or warnings"
  [ -n "$lintian_output" ] && printf '# %s\n' "${lintian_output//$'\n'/$'\n'# }"
else
  fail "lintian finds no errors or warnings" "$lintian_output"
fi

# What each package holds.
contents() { dpkg-deb --fsys-tarfile "$1" | tar -t | sed 's|^\./|/|'; }
client_files=$(contents "$client_deb")
server_files=$(contents "$server_deb")
holds() { # PACKAGE-NAME FILE-LIST PATH
  if grep -qx -- "$3" <<<"$2"; then pass "$1 holds $3"; else fail "$1 holds $3"; fi
}
for path in /usr/bin/licportal /usr/share/man/man1/licportal.1.gz /usr/share/man/man5/licportal.conf.5.gz \
  /usr/share/man/man5/licportal-license-file.5.gz \
  /usr/share/bash-completion/completions/licportal /usr/share/zsh/vendor-completions/_licportal \
  /usr/share/fish/vendor_completions.d/licportal.fish \
  /usr/lib/systemd/user/licportal-check.service /usr/lib/systemd/user/licportal-check.timer \
  /usr/share/doc/licportal/copyright; do
  holds licportal "$client_files" "$path"
done
for path in /usr/sbin/licportald /usr/share/man/man8/licportald.8.gz /usr/share/doc/licportald/copyright; do
  holds licportald "$server_files" "$path"
done
if grep -q licportald <<<"$client_files"; then
  fail "licportal holds nothing of licportald" "$(grep licportald <<<"$client_files")"
else
  pass "licportal holds nothing of licportald"
fi
if grep -qE '^/usr/(include|lib/.*\.(a|so))' <<<"$client_files$server_files"; then
  fail "no headers or libraries are shipped" "$(grep -E '^/usr/(include|lib/.*\.(a|so))' <<<"$client_files$server_files")"
else
  pass "no headers or libraries are shipped"
fi

# The user timer must not be enabled for everyone on installation: only
# debhelper's "don't enable" snippet (which re-enables a unit only where a
# user had enabled it) may touch it.
postinst=$(dpkg-deb --ctrl-tarfile "$client_deb" | tar -xO ./postinst 2>/dev/null)
if grep -q "deb-systemd-helper --user debian-installed 'licportal-check.timer'" <<<"$postinst"; then
  pass "licportal does not enable the check timer on installation"
else
  fail "licportal does not enable the check timer on installation" "$postinst"
fi

# Unpack both into a scratch root and run the programs from there.
tree=$work/root
mkdir -p "$tree"
check "dpkg -x unpacks licportal" dpkg -x "$client_deb" "$tree"
check "dpkg -x unpacks licportald" dpkg -x "$server_deb" "$tree"

# The project's own library is linked in statically: nothing beyond the
# system's libraries is needed (no LD_LIBRARY_PATH).
for program in "$tree/usr/bin/licportal" "$tree/usr/sbin/licportald"; do
  libs=$(ldd "$program" 2>&1)
  if grep -q 'not found' <<<"$libs" || grep -q 'licportal\|lp_common' <<<"$libs"; then
    fail "$(basename "$program") needs only system libraries" "$libs"
  else
    pass "$(basename "$program") needs only system libraries"
  fi
done

home=$work/home
mkdir -p "$home"
run() { # Runs a program from the tree in an empty home, without the caller's configuration.
  env -i PATH=/usr/bin:/bin HOME="$home" LC_ALL=C.UTF-8 TERM=dumb "$@"
}
if output=$(run "$tree/usr/bin/licportal" --version 2>&1) && grep -q "^licportal $version\$" <<<"$output"; then
  pass "licportal --version prints licportal $version"
else
  fail "licportal --version prints licportal $version" "$output"
fi
if output=$(run "$tree/usr/bin/licportal" --help 2>&1) && grep -q '^Usage: licportal' <<<"$output" &&
  grep -q 'check' <<<"$output"; then
  pass "licportal --help prints the usage"
else
  fail "licportal --help prints the usage" "$output"
fi
if output=$(run "$tree/usr/bin/licportal" no-such-command 2>&1); then
  fail "licportal refuses an unknown sub-command" "$output"
else
  pass "licportal refuses an unknown sub-command"
fi
if output=$(run "$tree/usr/sbin/licportald" --version 2>&1) && grep -q "^licportald $version\$" <<<"$output"; then
  pass "licportald --version prints licportald $version"
else
  fail "licportald --version prints licportald $version" "$output"
fi

# The packaged manual pages render without warnings and name their program.
for page in "$tree"/usr/share/man/man1/licportal.1.gz "$tree"/usr/share/man/man5/licportal.conf.5.gz \
  "$tree"/usr/share/man/man8/licportald.8.gz; do
  name=$(basename "$page" .gz)
  [ -f "$page" ] || { fail "$name renders without warnings" "missing"; continue; }
  errors=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$page" 2>&1 >/dev/null)
  text=$(LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$page" 2>/dev/null)
  if [ -z "$errors" ] && grep -q "${name%%.*}" <<<"$text"; then
    pass "$name renders without warnings"
  else
    fail "$name renders without warnings" "$errors"
  fi
done

# The packaged bash completion loads and completes.
if output=$(bash --norc --noprofile -c 'source "$1"; COMP_WORDS=(licportal lic); COMP_CWORD=1; _licportal; echo "${COMPREPLY[*]}"' \
  _ "$tree/usr/share/bash-completion/completions/licportal" 2>&1) && [ "$output" = "licenses license" ]; then
  pass "the packaged bash completion completes sub-commands"
else
  fail "the packaged bash completion completes sub-commands" "$output"
fi

# The user units parse, with ExecStart pointed at the unpacked program.
if command -v systemd-analyze >/dev/null; then
  units=$work/units
  mkdir -p "$units"
  sed "s|/usr/bin/licportal|$tree/usr/bin/licportal|" "$tree/usr/lib/systemd/user/licportal-check.service" \
    >"$units/licportal-check.service"
  cp "$tree/usr/lib/systemd/user/licportal-check.timer" "$units/"
  # verify reports some problems only as messages, so any output fails.
  if output=$(systemd-analyze verify --man=no --generators=no "$units/licportal-check.service" \
    "$units/licportal-check.timer" 2>&1) && [ -z "$output" ]; then
    pass "systemd-analyze verify accepts the check service and timer"
  else
    fail "systemd-analyze verify accepts the check service and timer" "$output"
  fi
else
  n=$((n + 1))
  echo "ok $n - systemd-analyze verify accepts the check service and timer # SKIP systemd-analyze not installed"
fi

finish
