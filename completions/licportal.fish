# fish completion for licportal(1): sub-commands, options, profile names and cached ids.
#
# Profile names come from the "[profile NAME]" headers of
#   ${XDG_CONFIG_HOME:-~/.config}/licportal/config
# Ids come from the files licportal writes after each listing:
#   ${XDG_CACHE_HOME:-~/.cache}/licportal/ids/licenses     ids for "license ID", "activations --license ID"
#   ${XDG_CACHE_HOME:-~/.cache}/licportal/ids/activations  ids for "deactivate ACTIVATION_ID"
#   ${XDG_CACHE_HOME:-~/.cache}/licportal/ids/downloads    ids for "download ID"
# One id per line; the id ends at the first tab, and what follows it is shown
# as the id's description; empty lines and lines starting with "#" are
# skipped. A missing file simply offers no ids.

set -l licportal_commands login logout status dashboard licenses license activations deactivate downloads download check token offline-request activate-offline verify

# Prints the profile names of the configuration file, one a line.
function __licportal_profiles
    set -l dir $XDG_CONFIG_HOME
    test -n "$dir"; or set dir ~/.config
    test -r $dir/licportal/config; or return 0
    string match -r -g '^\s*\[\s*profile\s+([^\]]*[^\]\s])\s*\]' <$dir/licportal/config
end

# Prints the cached ids of one kind ($argv[1]) as "ID<TAB>DESCRIPTION" lines.
function __licportal_ids
    set -l dir $XDG_CACHE_HOME
    test -n "$dir"; or set dir ~/.cache
    test -r $dir/licportal/ids/$argv[1]; or return 0
    # Only ids of the safe alphabet; fish quotes what it inserts.
    string replace -r '\r$' '' <$dir/licportal/ids/$argv[1] | string match -r '^[A-Za-z0-9][A-Za-z0-9_.-]*(\t.*)?$'
end

# Succeeds when the sub-command is $argv[1] and no positional argument follows it yet.
function __licportal_wants_id
    set -l words (commandline -opc)
    set -l command
    set -l positional 0
    set -l skip 0
    for word in $words[2..-1]
        if test $skip -eq 1
            set skip 0
        else if string match -q -r -- '^(--server|--profile|--cacert|--credential-store|--email|--otp|--status|--product|-q|--query|--sort|--expiring-within|--license|--channel|--platform|-o|--output|--warn-days|--crit-days|--limit|--out|--request|--keys|--save-keys)$' $word
            set skip 1
        else if string match -q -- '-*' $word
            continue
        else if test -z "$command"
            set command $word
        else
            set positional (math $positional + 1)
        end
    end
    test "$command" = $argv[1]; and test $positional -eq 0
end

complete -c licportal -f

# Global options, before or after the sub-command.
complete -c licportal -l server -r -d 'Portal server URL (https only)'
complete -c licportal -l profile -x -a '(__licportal_profiles)' -d 'Profile of the configuration file'
complete -c licportal -l cacert -r -F -d 'Extra CA certificate to trust'
complete -c licportal -l credential-store -x -a 'auto keyring file none' -d 'Where the session token is kept'
complete -c licportal -l no-color -d 'Plain output without colours'
complete -c licportal -s h -l help -d 'Show the usage and exit'
complete -c licportal -l version -d 'Show the version and the libraries built with, and exit'

# Sub-commands.
complete -c licportal -n "not __fish_seen_subcommand_from $licportal_commands" -a login -d 'Log in and keep the session'
complete -c licportal -n "not __fish_seen_subcommand_from $licportal_commands" -a logout -d 'End the session and forget its token'
complete -c licportal -n "not __fish_seen_subcommand_from $licportal_commands" -a status -d 'Who, which server, where the token lives'
complete -c licportal -n "not __fish_seen_subcommand_from $licportal_commands" -a dashboard -d 'The dashboard figures'
complete -c licportal -n "not __fish_seen_subcommand_from $licportal_commands" -a licenses -d 'List licenses'
complete -c licportal -n "not __fish_seen_subcommand_from $licportal_commands" -a license -d 'One license in detail'
complete -c licportal -n "not __fish_seen_subcommand_from $licportal_commands" -a activations -d 'List activations'
complete -c licportal -n "not __fish_seen_subcommand_from $licportal_commands" -a deactivate -d 'Deactivate one activation'
complete -c licportal -n "not __fish_seen_subcommand_from $licportal_commands" -a downloads -d 'List the files you may download'
complete -c licportal -n "not __fish_seen_subcommand_from $licportal_commands" -a download -d 'Download one file'
complete -c licportal -n "not __fish_seen_subcommand_from $licportal_commands" -a check -d 'Monitoring check of license expiry'
complete -c licportal -n "not __fish_seen_subcommand_from $licportal_commands" -a token -d 'Personal access tokens for scripts'
complete -c licportal -n '__fish_seen_subcommand_from token; and not __fish_seen_subcommand_from create list revoke' -x -a 'create list revoke'
complete -c licportal -n "not __fish_seen_subcommand_from $licportal_commands" -a offline-request -d "Write this machine's request for an offline activation"
complete -c licportal -n "not __fish_seen_subcommand_from $licportal_commands" -a activate-offline -d 'Turn a machine request into a signed license file'
complete -c licportal -n "not __fish_seen_subcommand_from $licportal_commands" -a verify -d "Check a license file's signature, machine and expiry"

# Per-command options.
complete -c licportal -n '__fish_seen_subcommand_from login' -l email -x -d 'Account email'
complete -c licportal -n '__fish_seen_subcommand_from login' -l password-stdin -d 'Read the password from standard input'
complete -c licportal -n '__fish_seen_subcommand_from login' -l otp -x -d 'One-time code'
complete -c licportal -n '__fish_seen_subcommand_from login logout status dashboard licenses license activations deactivate downloads download check token' -l json -d 'Print JSON'
complete -c licportal -n '__fish_seen_subcommand_from dashboard licenses license activations downloads token' -l fields -x -d 'Plain output: these fields, in this order'
complete -c licportal -n '__fish_seen_subcommand_from dashboard licenses license activations downloads token' -l header -d 'Plain output: a first line naming the fields'
complete -c licportal -n '__fish_seen_subcommand_from dashboard licenses license activations downloads token' -l output -x -a 'tsv csv json' -d 'Output format'
complete -c licportal -n '__fish_seen_subcommand_from create' -l name -x -d 'What the token is for'
complete -c licportal -n '__fish_seen_subcommand_from create' -l scope -x -a 'read read_write' -d 'What the token may do'
complete -c licportal -n '__fish_seen_subcommand_from create' -l expires-days -x -d 'The token stops working after N days'
complete -c licportal -n '__fish_seen_subcommand_from revoke' -x -a '(__licportal_ids tokens)'
complete -c licportal -n '__fish_seen_subcommand_from licenses' -l status -x -a 'active expired suspended revoked pending' -d 'Only licenses with this status'
complete -c licportal -n '__fish_seen_subcommand_from licenses downloads' -l product -x -d 'Only this product'
complete -c licportal -n '__fish_seen_subcommand_from licenses' -s q -l query -x -d 'Match product, edition or the last key characters'
complete -c licportal -n '__fish_seen_subcommand_from licenses' -l expiring-within -x -d 'Only licenses expiring within N days'
complete -c licportal -n '__fish_seen_subcommand_from licenses' -l sort -x -a 'added_at -added_at expires_at -expires_at product -product status -status' -d 'Sort order'
complete -c licportal -n '__fish_seen_subcommand_from licenses activations downloads' -l limit -x -d 'Print at most N'
complete -c licportal -n '__fish_seen_subcommand_from activations' -l license -x -a '(__licportal_ids licenses)' -d 'Only activations of this license'
complete -c licportal -n '__fish_seen_subcommand_from license' -l reveal -d 'Show the full license key (the server records it)'
complete -c licportal -n '__fish_seen_subcommand_from deactivate' -s y -l yes -d 'Do not ask for confirmation'
complete -c licportal -n '__fish_seen_subcommand_from downloads' -l channel -x -a 'stable beta' -d 'Only this channel'
complete -c licportal -n '__fish_seen_subcommand_from downloads' -l platform -x -a 'linux windows macos any' -d 'Only files for this platform'
complete -c licportal -n '__fish_seen_subcommand_from download' -s o -l output -r -F -d 'File name, or a folder to put the file in'
complete -c licportal -n '__fish_seen_subcommand_from download' -l force -d 'Replace an existing file'
complete -c licportal -n '__fish_seen_subcommand_from check' -l warn-days -x -d 'Warn when a license expires within N days'
complete -c licportal -n '__fish_seen_subcommand_from check' -l crit-days -x -d 'Critical when a license expires within N days'
complete -c licportal -n '__fish_seen_subcommand_from offline-request activate-offline verify' -l json -d 'Print JSON'
complete -c licportal -n '__fish_seen_subcommand_from offline-request activate-offline' -l out -r -F -d 'Write the request or license file here'
complete -c licportal -n '__fish_seen_subcommand_from activate-offline' -l request -r -F -d 'The machine request'
complete -c licportal -n '__fish_seen_subcommand_from verify' -l keys -r -F -d 'Signing keys saved earlier'
complete -c licportal -n '__fish_seen_subcommand_from verify' -l save-keys -r -F -d 'Fetch the signing keys and save them here'
complete -c licportal -n '__fish_seen_subcommand_from verify' -l any-machine -d 'Do not check that the file is for this machine'

# Ids from the cached last listings.
complete -c licportal -n '__licportal_wants_id license' -x -a '(__licportal_ids licenses)'
complete -c licportal -n '__licportal_wants_id deactivate' -x -a '(__licportal_ids activations)'
complete -c licportal -n '__licportal_wants_id download' -x -a '(__licportal_ids downloads)'
complete -c licportal -n '__licportal_wants_id activate-offline' -x -a '(__licportal_ids licenses)'
