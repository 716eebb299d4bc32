#!/usr/bin/env bash
# What a bank installs: the built dist/ with production dependencies only (`npm ci --omit=dev`, no TypeScript,
# no tsx), started with `npm start` in production mode on the embedded database; passes when /readyz answers 200.
# Run by .ci/run after `npm run build`.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/src/main.js ] || { echo "dist/ is missing: run npm run build first"; exit 1; }

work=$(mktemp -d)
pid=
# npm start runs in its own process group: stopping the group stops npm and the node it started.
trap '[ -n "$pid" ] && kill -- -"$pid" 2>/dev/null; rm -rf "$work"' EXIT
cp package.json package-lock.json "$work/"
mkdir -p "$work/scripts" && cp scripts/ensure-build.mjs "$work/scripts/"
cp -r dist "$work/dist"
# The workspace packages as built (npm ci links them): the SDK's run-time module, each plugin package's dist/.
for pkg in packages/*/; do
  mkdir -p "$work/$pkg" && (cd "$pkg" && tar --exclude=./node_modules --exclude=./src --exclude=./tests -cf - .) | (cd "$work/$pkg" && tar -xf -)
done
(cd "$work" && npm ci --omit=dev --no-audit --no-fund --loglevel=error)
# No TypeScript runner and no compiler by our own choice. (The `typescript` package may still be present: npm
# installs it as cosmiconfig's optional peer, which graphile-worker depends on; nothing here runs it — dist/ is JavaScript.)
if [ -e "$work/node_modules/tsx" ]; then echo "a production install must not hold TypeScript tooling (tsx)"; exit 1; fi
if (cd "$work" && npm ls typescript --omit=dev --parseable 2>/dev/null | grep -q .) && ! (cd "$work" && npm ls typescript --omit=dev 2>/dev/null | grep -q cosmiconfig); then
  echo "a production install must not depend on TypeScript"; exit 1
fi

port=$(node -e "const s=require('net').createServer().listen(0,()=>{console.log(s.address().port);s.close()})")
secret=$(node -e "console.log(require('crypto').randomBytes(32).toString('base64'))")
NODE_ENV=production PORT=$port HOST=127.0.0.1 DATA_DIR="$work/.data" SEED_ON_EMPTY=false JWT_SECRET="$secret" LOG_LEVEL=warn \
  setsid bash -c 'cd "$0" && exec npm start' "$work" &
pid=$!
for i in $(seq 1 60); do
  if code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/readyz") && [ "$code" = 200 ]; then
    echo "production install: npm start serves (/readyz 200 after ${i}s)"
    exit 0
  fi
  kill -0 "$pid" 2>/dev/null || { echo "npm start exited"; exit 1; }
  sleep 1
done
echo "production install: /readyz did not answer 200 within 60 s"
exit 1
