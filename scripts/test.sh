#!/usr/bin/env bash
# Runs every test of the platform: installs what is missing, builds once, runs all test projects one at a time
# (the integration tests start whole AppHosts; two cores are best spent on one at a time), then prints
# "N passed, N failed" over all projects, from the TRX results. Exits non-zero on any failure, skip, or no test.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

bash scripts/install-prerequisites.sh
dotnet build CQCTP.sln -nologo -v:q

results=TestResults
rm -rf "$results"
set +e
dotnet test CQCTP.sln --no-build -m:1 --blame-hang-timeout 10m \
  --logger "trx;LogFilePrefix=cqctp" --results-directory "$results"
test_status=$?
set -e

passed=0; failed=0; skipped=0; total=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  total=$((total + $(value total)))
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value notExecuted)))
done

echo "$passed passed, $failed failed, $skipped skipped"
if [ "$test_status" -ne 0 ] || [ "$failed" -gt 0 ] || [ "$skipped" -gt 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
