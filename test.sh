#!/usr/bin/env bash
# The whole test suite, as CI runs it: installs the pinned Azurite (the tests start it themselves on free ports,
# in memory, and stop it afterwards), then builds and tests every project in the solution, and ends with one
# line that totals every test project: "tests: N passed, N failed, N skipped". A test that stops making progress for
# 5 minutes (the slowest test here takes well under two) aborts its project's run with the test's name, rather than leaving CI
# to be killed at its time limit without one.
set -uo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --loglevel=error || exit $?
log=$(mktemp)
dotnet test AlertFunctions.sln --blame-hang-timeout 5m --blame-hang-dump-type none "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
read -r passed failed skipped < <(grep -oE "Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+" "$log" |
  awk -F'[:,] *' '{ f += $2; p += $4; s += $6 } END { print p+0, f+0, s+0 }')
aborted=$(grep -c "Test Run Aborted" "$log")
rm -f "$log"
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$aborted" -gt 0 ]; then
  echo "${aborted} test project run(s) aborted, their tests uncounted: see \"The test running when the crash occurred\" above" >&2
fi
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "no test ran" >&2
  exit 1
fi
exit "$status"
