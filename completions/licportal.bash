# bash completion for licportal(1): sub-commands, options, profile names and cached ids.
#
# Profile names come from the "[profile NAME]" headers of
#   ${XDG_CONFIG_HOME:-~/.config}/licportal/config
# Ids come from the files licportal writes after each listing:
#   ${XDG_CACHE_HOME:-~/.cache}/licportal/ids/licenses     ids for "license ID", "activations --license ID",
#                                                          "activate-offline LICENSE_ID"
#   ${XDG_CACHE_HOME:-~/.cache}/licportal/ids/activations  ids for "deactivate ACTIVATION_ID"
#   ${XDG_CACHE_HOME:-~/.cache}/licportal/ids/downloads    ids for "download ID"
#   ${XDG_CACHE_HOME:-~/.cache}/licportal/ids/tokens       ids for "token revoke ID"
# One id per line; the id ends at the first tab (what follows is a description
# that the zsh and fish completions show); empty lines and lines starting
# with "#" are skipped. A missing file simply offers no ids. Only ids of the
# safe alphabet (a letter or digit, then letters, digits, "_", "." and "-")
# are offered, and every word offered is quoted for the shell.

_licportal_commands="login logout status dashboard licenses license activations deactivate downloads download check token offline-request activate-offline verify"
_licportal_global_opts="--server --profile --cacert --credential-store --no-color -h --help --version"
# Options whose value is the next word (or follows "=").
_licportal_valued_opts="--server --profile --cacert --credential-store --email --otp --status --product -q --query --sort --expiring-within --license --channel --platform -o --output --warn-days --crit-days --limit --fields --name --scope --expires-days --out --request --keys --save-keys"

# Prints the options one sub-command accepts besides the global ones.
_licportal_command_opts()
{
    case $1 in
        login) echo "--email --password-stdin --otp --json" ;;
        logout | status) echo "--json" ;;
        dashboard) echo "--json --fields --header --output" ;;
        licenses) echo "--status --product -q --query --sort --expiring-within --limit --json --fields --header --output" ;;
        license) echo "--json --reveal --fields --header --output" ;;
        activations) echo "--license --limit --json --fields --header --output" ;;
        deactivate) echo "-y --yes --json" ;;
        downloads) echo "--product --channel --platform --limit --json --fields --header --output" ;;
        download) echo "-o --output --force --json" ;;
        check) echo "--warn-days --crit-days --json" ;;
        token) echo "--name --scope --expires-days --limit --json --fields --header --output" ;;
        offline-request) echo "--out --json" ;;
        activate-offline) echo "--request --out --json" ;;
        verify) echo "--keys --save-keys --any-machine --json" ;;
    esac
}

# Prints the profile names of the configuration file, one a line.
_licportal_profiles()
{
    local config=${XDG_CONFIG_HOME:-$HOME/.config}/licportal/config line name
    [[ -r $config ]] || return 0
    while IFS= read -r line || [[ -n $line ]]; do
        if [[ $line =~ ^[[:space:]]*\[[[:space:]]*profile[[:space:]]+([^]]*[^][:space:]])[[:space:]]*\] ]]; then
            name=${BASH_REMATCH[1]}
            printf '%s\n' "$name"
        fi
    done <"$config"
}

# Prints the cached ids of one kind (licenses, activations, downloads), one a line.
_licportal_ids()
{
    local file=${XDG_CACHE_HOME:-$HOME/.cache}/licportal/ids/$1 line
    [[ -r $file ]] || return 0
    while IFS= read -r line || [[ -n $line ]]; do
        line=${line%%$'\t'*}
        line=${line%$'\r'}
        [[ $line =~ ^[A-Za-z0-9][A-Za-z0-9_.-]*$ ]] || continue
        printf '%s\n' "$line"
    done <"$file"
}

# Sets COMPREPLY to the words of the newline-separated list $1 that start with $2,
# each quoted (printf %q), since bash inserts a reply as it is.
_licportal_reply_lines()
{
    local word
    COMPREPLY=()
    while IFS= read -r word; do
        [[ -n $word && $word == "$2"* ]] && COMPREPLY+=("$(printf '%q' "$word")")
    done <<<"$1"
}

# Completes the value of option $1 given the typed prefix $2.
_licportal_option_value()
{
    local opt=$1 cur=$2
    case $opt in
        --profile) _licportal_reply_lines "$(_licportal_profiles)" "$cur" ;;
        --credential-store) mapfile -t COMPREPLY < <(compgen -W "auto keyring file none" -- "$cur") ;;
        --status) mapfile -t COMPREPLY < <(compgen -W "active expired suspended revoked pending" -- "$cur") ;;
        --sort) mapfile -t COMPREPLY < <(compgen -W "added_at -added_at expires_at -expires_at product -product status -status" -- "$cur") ;;
        --scope) mapfile -t COMPREPLY < <(compgen -W "read read_write" -- "$cur") ;;
        --channel) mapfile -t COMPREPLY < <(compgen -W "stable beta" -- "$cur") ;;
        --platform) mapfile -t COMPREPLY < <(compgen -W "linux windows macos any" -- "$cur") ;;
        --license) _licportal_reply_lines "$(_licportal_ids licenses)" "$cur" ;;
        --cacert)
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            ;;
        --output)
            # A list's format; download's file name (`command` is the caller's).
            if [[ $command != download ]]; then
                mapfile -t COMPREPLY < <(compgen -W "tsv csv json" -- "$cur")
                return 0
            fi
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            ;;
        -o | --out | --request | --keys | --save-keys)
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            ;;
        *) COMPREPLY=() ;;
    esac
}

_licportal()
{
    local cword=$COMP_CWORD raw_cur=${COMP_WORDS[COMP_CWORD]}
    local -a words=()
    local i word

    # Rejoin "--opt" "=" "value" that COMP_WORDBREAKS split apart, so that
    # "--status=act" reads the same whatever the user's word breaks are.
    for ((i = 0; i < ${#COMP_WORDS[@]}; i++)); do
        word=${COMP_WORDS[i]}
        if ((i > 1)) && [[ $word == "=" && ${words[-1]} == --* && ${words[-1]} != *=* ]]; then
            words[-1]+=$word
        elif ((i > 2)) && [[ ${COMP_WORDS[i - 1]} == "=" && ${words[-1]} == --*= ]]; then
            words[-1]+=$word
        else
            words+=("$word")
        fi
        ((i == COMP_CWORD)) && cword=$((${#words[@]} - 1))
    done
    local cur=${words[cword]}

    # Find the sub-command: the first word that is neither an option nor an option's value.
    local command="" expect_value=""
    for ((i = 1; i < cword; i++)); do
        word=${words[i]}
        if [[ -n $expect_value ]]; then
            expect_value=
        elif [[ $word == -* ]]; then
            [[ $word != *=* && " $_licportal_valued_opts " == *" $word "* ]] && expect_value=yes
        elif [[ -z $command ]]; then
            command=$word
        fi
    done

    # The value of an option, given as the next word.
    if [[ -n $expect_value ]]; then
        _licportal_option_value "${words[cword - 1]}" "$cur"
        return 0
    fi

    # The value of an option, given after "=".
    if [[ $cur == --*=* ]]; then
        local opt=${cur%%=*} value=${cur#*=}
        _licportal_option_value "$opt" "$value"
        # When "=" is not a word break, the reply replaces the whole "--opt=value" word.
        if [[ $raw_cur == "$cur" ]]; then
            for i in "${!COMPREPLY[@]}"; do
                COMPREPLY[i]=$opt=${COMPREPLY[i]}
            done
        fi
        return 0
    fi

    if [[ $cur == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$_licportal_global_opts $(_licportal_command_opts "$command")" -- "$cur")
        return 0
    fi

    if [[ -z $command ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$_licportal_commands" -- "$cur")
        return 0
    fi

    # A positional argument after the sub-command: the id, only once.
    local positional=0 skip=""
    for ((i = 1; i < cword; i++)); do
        word=${words[i]}
        if [[ -n $skip ]]; then
            skip=
        elif [[ $word == -* ]]; then
            [[ $word != *=* && " $_licportal_valued_opts " == *" $word "* ]] && skip=yes
        else
            positional=$((positional + 1))
        fi
    done
    if [[ $command == token ]]; then
        if ((positional == 1)); then
            mapfile -t COMPREPLY < <(compgen -W "create list revoke" -- "$cur")
        elif ((positional == 2)) && [[ " ${words[*]} " == *" revoke "* ]]; then
            _licportal_reply_lines "$(_licportal_ids tokens)" "$cur"
        fi
        return 0
    fi
    ((positional == 1)) || return 0
    case $command in
        license) _licportal_reply_lines "$(_licportal_ids licenses)" "$cur" ;;
        deactivate) _licportal_reply_lines "$(_licportal_ids activations)" "$cur" ;;
        download) _licportal_reply_lines "$(_licportal_ids downloads)" "$cur" ;;
        activate-offline) _licportal_reply_lines "$(_licportal_ids licenses)" "$cur" ;;
        verify)
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            ;;
    esac
    return 0
}

complete -F _licportal licportal
