#!/usr/bin/env bash
# `npm run test:mutation [-- <target>… | --changed <git-ref>]`: StrykerJS over the
# suitability rules (tools/mutation/run.mjs). Stryker 10 needs Node >= 22: this
# uses one (scripts/node22.sh) and installs the mutation tools on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
node22=$(scripts/node22.sh)
if [ ! -d tools/mutation/node_modules/@stryker-mutator/core ]; then
  npm ci --prefix tools/mutation --no-audit --no-fund --loglevel=error
fi
exec "$node22" tools/mutation/run.mjs "$@"
