#!/usr/bin/env bash
# Installs the pinned OpenAPI tools into .tools/node (git ignores it) and prints its bin folder.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir="$root/.tools/node"
mkdir -p "$dir"
if [ ! -x "$dir/node_modules/.bin/prism" ] || [ ! -x "$dir/node_modules/.bin/redocly" ] ||
   [ ! -x "$dir/node_modules/.bin/spectral" ]; then
  (cd "$dir" && [ -f package.json ] || echo '{"private":true}' > "$dir/package.json"
   cd "$dir" && npm install --no-audit --no-fund --loglevel=error \
     @stoplight/prism-cli@5.14.2 @redocly/cli@2.77.0 @stoplight/spectral-cli@6.16.3 >&2)
fi
echo "$dir/node_modules/.bin"
