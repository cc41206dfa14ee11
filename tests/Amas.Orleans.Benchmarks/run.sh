#!/usr/bin/env bash
# Every benchmark, written to docs/benchmarks.md (under 20 minutes on 2 cores):
# - the scanner: our SecurityScanner against secretlint on a >= 150 MB text tree assembled from files on this
#   machine, plus true positives of both on the planted corpus (issue 4);
# - the AI router against its loopback fake: added latency per call and failover cost (issue 5);
# - the system rows of issue 11: orchestration overhead, gateway submission and status reads against a bare Kestrel
#   endpoint, storage writes and cost per task with PostgreSQL, and recovery and cost on the 3-silo local cluster;
#   a row that misses its target is profiled (dotnet-trace, dotnet-counters) and the profile summarised in the report.
# Usage: tests/Amas.Orleans.Benchmarks/run.sh [--smoke] [--router-only | --system-only] [--out FILE]
#   --secretlint-minutes N   stop secretlint on the tree after N minutes (default 4; its throughput is then an upper bound)
#   --smoke   tiny counts, done in a minute or two; writes .amas/bench/benchmarks-smoke.md (or --out FILE), never the
#             docs; fails if any part fails. tests/run.sh runs it so that it cannot rot.
#   --router-only | --system-only   only that part: replaces its section of the report, keeps the others.
# Environment: AMAS_BENCH_CONFIGURATION (default Release), AMAS_BENCH_NO_BUILD=1 to use the binaries already built.
set -euo pipefail
cd "$(dirname "$0")/../.."

configuration="${AMAS_BENCH_CONFIGURATION:-Release}"
args=()
part=all
smoke=false
for arg in "$@"; do
  case "$arg" in
    --router-only) part=router ;;
    --system-only) part=system ;;
    --smoke) smoke=true; args+=("$arg") ;;
    *) args+=("$arg") ;;
  esac
done

# dotnet-trace and dotnet-counters (.config/dotnet-tools.json) profile every row that misses its target. Smoke mode
# does not install them (it uses them only when they are already restored); without them the report says so.
if ! $smoke; then
  dotnet tool restore >/dev/null || echo "dotnet tool restore failed; the rows that miss are reported without a profile." >&2
fi

if [ "${AMAS_BENCH_NO_BUILD:-}" != "1" ]; then
  # The local-cluster part builds the silo and the gateway itself (cluster.sh build) before it starts them.
  dotnet build tests/Amas.Orleans.Benchmarks -c "$configuration" --nologo -clp:ErrorsOnly -v:q
fi
bench="tests/Amas.Orleans.Benchmarks/bin/$configuration/net10.0/Amas.Orleans.Benchmarks"

case "$part" in
  router) exec "$bench" router --root . "${args[@]}" ;;
  system) exec "$bench" system --root . "${args[@]}" ;;
esac

prefix=.amas/bench/node
if ! $smoke && [ ! -f "$prefix/node_modules/secretlint/bin/secretlint.js" ]; then
  mkdir -p "$prefix"
  npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error \
    secretlint @secretlint/secretlint-rule-preset-recommend \
    || echo "secretlint could not be installed; the benchmark runs without its anchor." >&2
fi

"$bench" run --root . --secretlint "$prefix" "${args[@]}"
"$bench" system --root . "${args[@]}"
