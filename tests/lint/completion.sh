#!/usr/bin/env bash
# Checks what the bash, zsh and fish completions of licportal offer, against a private config and id cache; TAP output.
# Usage: tests/lint/completion.sh [COMPLETIONS_DIR]   (default: completions/ of this tree)
# zsh and fish cases are skipped, not failed, when that shell is not installed.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dir=${1:-$root/completions}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A configuration with three profiles (one written loosely) and a section that is not a profile.
mkdir -p "$work/config/licportal" "$work/cache/licportal/ids"
printf '%s\n' '[profile default]' 'server = https://portal.example.com' '' \
  '[profile work]' 'email = me@example.com' '  [ profile   staging ]  ' '[defaults]' \
  >"$work/config/licportal/config"
# Id files as the client writes them: an id, optionally a tab and a description.
printf 'lic_01HAAA\tPhotoForge Pro\nlic_01HABB\n\n# a comment line\nlic_01HBCC\n' >"$work/cache/licportal/ids/licenses"
# An id file from a hostile listing (or an older client): ids with shell syntax
# must never be offered, nor run while completing.
# shellcheck disable=SC2016 # the $(...) is the attack, kept literal
printf 'act_01HX\tbuild-server-7\n$(touch${IFS}%s/pwned)\tevil\n`touch %s/pwned2`\nact_;touch\nact_01HY\n-rf\n' \
  "$work" "$work" >"$work/cache/licportal/ids/activations"
printf 'rel_01HD\r\n' >"$work/cache/licportal/ids/downloads"
export XDG_CONFIG_HOME=$work/config XDG_CACHE_HOME=$work/cache HOME=$work

n=0
failed=0
# expect NAME EXPECTED ACTUAL: both are space-separated word lists, compared sorted.
expect() {
  n=$((n + 1))
  local want got
  want=$(tr ' ' '\n' <<<"$2" | sed '/^$/d' | sort | tr '\n' ' ')
  got=$(tr ' ' '\n' <<<"$3" | sed '/^$/d' | sort | tr '\n' ' ')
  if [ "$want" = "$got" ]; then
    echo "ok $n - $1"
  else
    echo "not ok $n - $1"
    echo "#   expected: $want"
    echo "#   got:      $got"
    failed=$((failed + 1))
  fi
}
skip() {
  n=$((n + 1))
  echo "ok $n - $1 # SKIP $2"
}

# bash: COMP_WORDS as bash splits the line (with "=" as a word break unless told otherwise).
bash_complete() { # [--no-equals-break] WORDS...
  local breaks=$' \t\n"\'><=;|&(:'
  if [ "$1" = --no-equals-break ]; then breaks=$' \t\n"\'><;|&(:'; shift; fi
  COMP_WORDBREAKS=$breaks bash --norc --noprofile -c '
    source "$1"; shift
    COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    _licportal
    printf "%s " "${COMPREPLY[@]}"' _ "$dir/licportal.bash" "$@" 2>&1
}

commands="login logout status dashboard licenses license activations deactivate downloads download check token offline-request activate-offline verify"
globals="--server --profile --cacert --credential-store --no-color --help --version"


expect "bash: sub-commands" "$commands" "$(bash_complete licportal '')"
expect "bash: sub-command prefix" "licenses license" "$(bash_complete licportal lic)"
expect "bash: sub-command after a global option and its value" "downloads download" \
  "$(bash_complete licportal --profile work down)"
expect "bash: global options" "$globals" "$(bash_complete licportal --)"
expect "bash: deactivate options" "$globals -h -y --yes --json" "$(bash_complete licportal deactivate -)"
expect "bash: licenses options" "$globals --status --product --query --sort --expiring-within --limit --json --fields --header --output" \
  "$(bash_complete licportal licenses --)"
expect "bash: check options" "$globals --warn-days --crit-days --json" "$(bash_complete licportal check --)"
expect "bash: token actions" "create list revoke" "$(bash_complete licportal token '')"
expect "bash: token scopes" "read read_write" "$(bash_complete licportal token create --scope '')"
expect "bash: list output formats" "tsv csv json" "$(bash_complete licportal licenses --output '')"
expect "bash: login options" "--email" "$(bash_complete licportal login --em)"
expect "bash: verify options" "$globals --keys --save-keys --any-machine --json" "$(bash_complete licportal verify --)"
expect "bash: activate-offline options" "$globals --request --out --json" \
  "$(bash_complete licportal activate-offline --)"
expect "bash: license ids for activate-offline" "lic_01HAAA lic_01HABB lic_01HBCC" \
  "$(bash_complete licportal activate-offline --request req.json '')"
expect "bash: profile names from the config" "default work staging" "$(bash_complete licportal --profile '')"
expect "bash: profile after the sub-command" "work" "$(bash_complete licportal status --profile w)"
expect "bash: credential stores" "auto keyring file none" "$(bash_complete licportal --credential-store '')"
expect "bash: statuses" "active expired suspended revoked pending" "$(bash_complete licportal licenses --status '')"
expect "bash: status after =" "suspended" "$(bash_complete licportal licenses --status = s)"
expect "bash: status right after =" "active expired suspended revoked pending" \
  "$(bash_complete licportal licenses --status = '')"
expect "bash: status after = without = word break" "--status=suspended" \
  "$(bash_complete --no-equals-break licportal licenses --status=s)"
expect "bash: descending sort keys" "-added_at -expires_at -product -status" "$(bash_complete licportal licenses --sort -)"
expect "bash: channels" "stable beta" "$(bash_complete licportal downloads --channel '')"
expect "bash: platforms" "linux windows macos any" "$(bash_complete licportal downloads --platform '')"
expect "bash: download id after --output and its value" "rel_01HD" "$(bash_complete licportal download --output /tmp '')"
expect "bash: license ids from the cache" "lic_01HAAA lic_01HABB lic_01HBCC" "$(bash_complete licportal license '')"
expect "bash: license id prefix" "lic_01HAAA lic_01HABB" "$(bash_complete licportal license lic_01HA)"
expect "bash: license id after global options" "lic_01HBCC" \
  "$(bash_complete licportal --server https://portal.example.com license lic_01HB)"
expect "bash: only one id" "" "$(bash_complete licportal license lic_01HAAA '')"
expect "bash: license ids for activations --license" "lic_01HAAA lic_01HABB lic_01HBCC" \
  "$(bash_complete licportal activations --license '')"
expect "bash: activation ids" "act_01HX act_01HY" "$(bash_complete licportal deactivate '')"
expect "bash: download ids, carriage return dropped" "rel_01HD" "$(bash_complete licportal download '')"
# shellcheck disable=SC2016 # the $(...) is the attack, kept literal
expect "bash: a profile name with shell syntax is offered quoted" '\$\(touch\ x\)' \
  "$(mkdir -p "$work/c2/licportal" && printf '%s\n' '[profile $(touch x)]' >"$work/c2/licportal/config" &&
    XDG_CONFIG_HOME=$work/c2 bash_complete licportal --profile '')"
expect "bash: no ids when the cache is missing" "" \
  "$(XDG_CACHE_HOME=$work/nowhere bash_complete licportal deactivate '')"
expect "bash: no profiles when the config is missing" "" \
  "$(XDG_CONFIG_HOME=$work/nowhere bash_complete licportal --profile '')"
expect "bash: free text option offers nothing" "" "$(bash_complete licportal licenses -q '')"
expect "bash: id after a free text option's value" "lic_01HAAA lic_01HABB lic_01HBCC" \
  "$(bash_complete licportal --profile work license --json '')"

# fish: its own completion engine, through "complete --do-complete".
fish_complete() {
  # shellcheck disable=SC2016 # $argv is fish's, expanded by fish
  fish --no-config -c 'source $argv[1]; complete --do-complete $argv[2]' "$dir/licportal.fish" "$1" 2>&1 |
    cut -f1 | tr '\n' ' '
}
if command -v fish >/dev/null; then
  expect "fish: sub-command prefix" "licenses license" "$(fish_complete 'licportal lic')"
  expect "fish: profile names" "default work staging" "$(fish_complete 'licportal --profile ')"
  expect "fish: statuses" "active expired suspended revoked pending" "$(fish_complete 'licportal licenses --status ')"
  expect "fish: sort keys after =" "--sort=-added_at --sort=-expires_at --sort=-product --sort=-status" \
    "$(fish_complete 'licportal licenses --sort=-')"
  expect "fish: license ids" "lic_01HAAA lic_01HABB lic_01HBCC" "$(fish_complete 'licportal license ')"
  expect "fish: only one id" "" "$(fish_complete 'licportal license lic_01HAAA ')"
  expect "fish: activation ids" "act_01HX act_01HY" "$(fish_complete 'licportal deactivate ')"
  expect "fish: download ids" "rel_01HD" "$(fish_complete 'licportal download ')"
  expect "fish: download id after --output and its value" "rel_01HD" "$(fish_complete 'licportal download --output /tmp ')"
  expect "fish: platforms" "linux windows macos any" "$(fish_complete 'licportal downloads --platform ')"
  expect "fish: license ids for --license" "lic_01HAAA lic_01HABB lic_01HBCC" \
    "$(fish_complete 'licportal activations --license ')"
  expect "fish: check options" "$globals --warn-days --crit-days --json" "$(fish_complete 'licportal check --')"
  expect "fish: verify options" "$globals --keys --save-keys --any-machine --json" "$(fish_complete 'licportal verify --')"
  expect "fish: license ids for activate-offline" "lic_01HAAA lic_01HABB lic_01HBCC" \
    "$(fish_complete 'licportal activate-offline --request req.json ')"
else
  skip "fish completions" "fish not installed"
fi

# zsh: an interactive zsh in a pseudo-terminal presses Tab; a compadd wrapper prints what is offered.
cat >"$work/capture.zsh" <<'EOF'
zmodload zsh/zpty
fdir=$1 line=$2
zpty z zsh -f -i
zpty -w z "PS1=''; fpath=($fdir \$fpath); autoload -U compinit; compinit -u -D"
zpty -w z 'compadd() { local -a __h; builtin compadd -A __h "$@"; (( $#__h )) || return 1; local x; for x in $__h; do print -r -- "<""M>$x</""M>"; done; builtin compadd "$@"; }'
zpty -w z 'finish() { print -r -- "<""END>"; exit }; comppostfuncs=(finish)'
zpty -w z "zstyle ':completion:*' insert-tab false; bindkey '^I' complete-word; print '<RE''ADY>'"
zpty -r z out '*<READY>*'
zpty -n -w z "$line"$'\t'
zpty -r z out '*<END>*'
print -r -- "$out" | grep -o '<M>[^<]*</M>' | sed 's/<M>//; s/<\/M>//'
zpty -d z
EOF
zsh_complete() {
  mkdir -p "$work/zfunc"
  cp "$dir/_licportal" "$work/zfunc/_licportal"
  timeout 20 zsh -f "$work/capture.zsh" "$work/zfunc" "$1" 2>&1 | sort -u | tr '\n' ' '
}
if command -v zsh >/dev/null; then
  expect "zsh: syntax" "" "$(zsh -n "$dir/_licportal" 2>&1)"
  expect "zsh: sub-commands" "$commands" "$(zsh_complete 'licportal ')"
  expect "zsh: profile names" "default work staging" "$(zsh_complete 'licportal --profile ')"
  expect "zsh: statuses" "active expired suspended revoked pending" "$(zsh_complete 'licportal licenses --status ')"
  expect "zsh: status after =" "suspended" "$(zsh_complete 'licportal licenses --status=s')"
  expect "zsh: license ids" "lic_01HAAA lic_01HABB lic_01HBCC" "$(zsh_complete 'licportal license ')"
  expect "zsh: activation ids" "act_01HX act_01HY" "$(zsh_complete 'licportal deactivate ')"
  expect "zsh: download id after --output and its value" "rel_01HD" "$(zsh_complete 'licportal download --output /tmp ')"
  expect "zsh: platforms" "linux windows macos any" "$(zsh_complete 'licportal downloads --platform=')"
  expect "zsh: license ids for --license" "lic_01HAAA lic_01HABB lic_01HBCC" \
    "$(zsh_complete 'licportal activations --license ')"
  expect "zsh: check options" "$globals --warn-days --crit-days --json" "$(zsh_complete 'licportal check --')"
  expect "zsh: verify options" "$globals --keys --save-keys --any-machine --json" "$(zsh_complete 'licportal verify --')"
  expect "zsh: license ids for activate-offline" "lic_01HAAA lic_01HABB lic_01HBCC" \
    "$(zsh_complete 'licportal activate-offline ')"
else
  skip "zsh completions" "zsh not installed"
fi

expect "no id with shell syntax ran while completing" "" "$(find "$work" -maxdepth 1 -name 'pwned*')"

echo "1..$n"
[ "$failed" -eq 0 ]
