#!/usr/bin/env bash
# The scanner benchmark: our SecurityScanner against secretlint on a >= 150 MB text tree assembled from files on
# this machine, plus true positives of both on the planted corpus. Writes docs/benchmarks.md.
# Then the AI router against its loopback fake: added latency per call and failover cost (issue 5).
# Usage: tests/Amas.Orleans.Benchmarks/run.sh [--smoke] [--router-only]
#   --secretlint-minutes N   stop secretlint on the tree after N minutes (default 15; its throughput is then an upper bound)
#   --smoke   a 2 MiB tree and a few hundred router calls, done in seconds; writes .amas/bench/benchmarks-smoke.md
#             (CI runs this so it cannot rot).
#   --router-only   only the router part (about a minute): replaces its section of the report, keeps the others.
set -euo pipefail
cd "$(dirname "$0")/../.."

args=()
router_only=false
for arg in "$@"; do
  if [ "$arg" = "--router-only" ]; then router_only=true; else args+=("$arg"); fi
done
if $router_only; then
  dotnet build tests/Amas.Orleans.Benchmarks -c Release --nologo -clp:ErrorsOnly -v:q
  exec tests/Amas.Orleans.Benchmarks/bin/Release/net10.0/Amas.Orleans.Benchmarks router --root . "${args[@]}"
fi

prefix=.amas/bench/node
if [ ! -f "$prefix/node_modules/secretlint/bin/secretlint.js" ]; then
  mkdir -p "$prefix"
  npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error \
    secretlint @secretlint/secretlint-rule-preset-recommend \
    || echo "secretlint could not be installed; the benchmark runs without its anchor." >&2
fi

dotnet build tests/Amas.Orleans.Benchmarks -c Release --nologo -clp:ErrorsOnly -v:q
exec tests/Amas.Orleans.Benchmarks/bin/Release/net10.0/Amas.Orleans.Benchmarks run --root . --secretlint "$prefix" "$@"
