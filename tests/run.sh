#!/usr/bin/env bash
# Runs every test project of the solution and prints one summary line for all of them.
# Usage: tests/run.sh [extra dotnet test arguments]
set -uo pipefail
cd "$(dirname "$0")/.."

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

dotnet build Amas.Orleans.sln --nologo -clp:ErrorsOnly || { echo "Total: 0 passed, 1 failed (build failed)"; exit 1; }

status=0
for project in tests/*/*.csproj; do
  grep -q '<IsTestProject>true</IsTestProject>' "$project" || continue
  name=$(basename "$project" .csproj)
  echo "== $name"
  dotnet test "$project" --no-build --nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" "$@" || status=1
done

# The benchmarks are no test project; their smoke mode (tiny counts, Debug binaries built above) runs here so that
# the harness cannot rot. It writes its report to a temporary file, never to docs/benchmarks.md.
echo "== Amas.Orleans.Benchmarks (smoke)"
smoke=0
if AMAS_BENCH_CONFIGURATION=Debug AMAS_BENCH_NO_BUILD=1 tests/Amas.Orleans.Benchmarks/run.sh --smoke --out "$results/benchmarks-smoke.md" \
    && grep -q '^## System figures' "$results/benchmarks-smoke.md"; then
  smoke=1
else
  echo "The benchmark smoke run failed."; status=1
fi

# Sum the counters of every TRX file (and the smoke run) into the one plain line CI reads.
passed=$smoke; failed=$((1 - smoke)); skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "Total: $passed passed, $failed failed, $skipped skipped"
exit $status
