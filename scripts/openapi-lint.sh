#!/usr/bin/env bash
# Lints docs/api/openapi.yaml with the pinned redocly and spectral; any error or warning fails.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$(bash "$root/scripts/npm-tools.sh")
doc=docs/api/openapi.yaml
cd "$root"
# Lint runs offline: no usage reports, no update or runtime banners.
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true REDOCLY_SUPPRESS_NOTIFICATIONS=true

# redocly reads ./redocly.yaml, which extends recommended-strict: warnings are errors there.
echo "== redocly lint $doc"
"$bin/redocly" lint --config redocly.yaml "$doc"

echo "== spectral lint $doc"
"$bin/spectral" lint "$doc" --ruleset .spectral.yaml --fail-severity=warn
