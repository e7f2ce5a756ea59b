#!/usr/bin/env bash
# The HTTP benchmarks in one command (issue #14), with the benchmark profile of rate limits. Not part of CI; the
# figures go in docs/benchmarks.md with the `uptime` this script prints.
#
#   ./scripts/bench.sh                      # every part, Release build
#   ./scripts/bench.sh --only gateway       # one part: gateway | latency | directory (repeatable)
#   ./scripts/bench.sh --skip directory     # every part but one (repeatable)
#   ./scripts/bench.sh --rounds 5 --duration 10 --warmup 30 --debug --keep-data --no-build
#   ./scripts/bench.sh --trace-ratio 0.1    # every process keeps 1 trace in 10 (Telemetry:TraceSampleRatio)
#   ./scripts/bench.sh --no-token-cache     # the gateway validates every token in full (Auth:ValidatedTokenCacheSize=0)
#
# Parts:
#   start-up   always: seconds from `dotnet run` of the built AppHost to the gateway serving a staff request.
#   gateway    `wrk -t1 -c32 -d10s` on GET /api/v1/membership/organizations with a dev-staff token, alternating the
#              membership service's own port (direct) and the gateway's own port, N rounds; each ratio, the median, and
#              each process's CPU time per request (/proc/<pid>/stat), which holds better than req/s on a shared host.
#   latency    half load: the median direct throughput of the gateway part ÷ 2, spread over 8 `hey -q` workers (hey's
#              per-worker rate limit; wrk2 is not packaged), alternating direct and gateway; p50/p99 of each.
#   directory  scripts/bench-directory.sh against this platform (10,000 organizations, hey -c 8, 10 s warm-up).
#
# Direct and gateway are each process's own listening port, found from its pid: DCP's proxy in front of the gateway
# (8080) would add a hop to one side only. The gateway reaches membership by service discovery, on its own port too
# (the services' endpoints are not proxied).
#
# Starts the AppHost on its own data root (BENCH_DATA_ROOT, default /var/tmp/cqctp/bench), fresh unless --keep-data,
# so the gateway part always lists the seeded development organizations; Release by default (bin/Release, apart from
# the Debug output run.sh and the tests use). Stops it with TERM on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

ROUNDS=3
DURATION=10
# Seconds of load on each side before the rounds. With 5 s, the first rounds still ran tier-0 and instrumented code:
# membership's CPU per request fell from 1.28 to 0.83 ms across three rounds, and the ratio rose with it.
WARMUP=30
CONFIGURATION=Release
KEEP_DATA=0
BUILD=1
DIRECTORY_SECONDS=20
parts=(gateway latency directory)
only=()
skip=()
apphost_settings=()
while [ $# -gt 0 ]; do
  case "$1" in
    --only) only+=("$2"); shift 2 ;;
    --skip) skip+=("$2"); shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --directory-seconds) DIRECTORY_SECONDS=$2; shift 2 ;;
    --debug) CONFIGURATION=Debug; shift ;;
    --keep-data) KEEP_DATA=1; shift ;;
    --no-build) BUILD=0; shift ;;
    --trace-ratio) apphost_settings+=("--Telemetry:TraceSampleRatio=$2"); shift 2 ;;
    --no-token-cache) export Auth__ValidatedTokenCacheSize=0; shift ;;
    -h|--help) sed -n '2,28p' "$0"; exit 0 ;;
    *) echo "Unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done
if [ ${#only[@]} -gt 0 ]; then parts=("${only[@]}"); fi
runs() {
  local part=$1 p
  for p in "${skip[@]+"${skip[@]}"}"; do [ "$p" = "$part" ] && return 1; done
  for p in "${parts[@]}"; do [ "$p" = "$part" ] && return 0; done
  return 1
}

GATEWAY=http://localhost:8080
DATA_ROOT=${BENCH_DATA_ROOT:-/var/tmp/cqctp/bench}
PATH_UNDER_TEST=/api/v1/membership/organizations

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
missing=()
for tool in wrk hey; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if curl -sf -o /dev/null "$GATEWAY/health"; then
  echo "A platform already answers on $GATEWAY: stop it first (this script starts its own)." >&2
  exit 1
fi

apphost_pid=""
cleanup() {
  if [ -n "$apphost_pid" ]; then
    local host kubeconfig
    host=$(pgrep -P "$apphost_pid" | head -1 || true)
    kubeconfig=$(pgrep -af -- "--monitor $host( |$)" | grep -o -- '--kubeconfig [^ ]*' | head -1 || true)
    # TERM, not INT: a non-interactive shell starts background jobs with SIGINT ignored.
    kill -TERM "$apphost_pid" 2>/dev/null || true
    wait "$apphost_pid" 2>/dev/null || true
    # DCP (started detached, watching the AppHost's pid) stops the services, the broker and PostgreSQL only after the
    # AppHost has gone, 10–70 s later: a run started before that measures beside the last one's processes.
    if [ -n "$kubeconfig" ]; then
      for _ in $(seq 1 120); do pgrep -f -- "$kubeconfig" >/dev/null || break; sleep 1; done
    fi
  fi
}
trap cleanup EXIT

bash scripts/install-prerequisites.sh
if [ "$BUILD" = 1 ]; then
  echo "Building the AppHost and every service ($CONFIGURATION)…"
  dotnet build CQCTP.AppHost/CQCTP.AppHost.csproj -c "$CONFIGURATION" -nologo -v:q
fi
if [ "$KEEP_DATA" = 0 ]; then rm -rf "$DATA_ROOT"; fi
mkdir -p "$DATA_ROOT"
log="$DATA_ROOT/bench-apphost.log"
# The AppHost's environment flows to every process it starts: the directory cache switch reaches membership.
if [ -n "${BENCH_DIRECTORY_CACHE:-}" ]; then export Membership__Directory__CacheSeconds="$BENCH_DIRECTORY_CACHE"; fi
echo "Starting the AppHost on $DATA_ROOT (log: $log)…"
started=$(date +%s.%N)
dotnet run --project CQCTP.AppHost/CQCTP.AppHost.csproj -c "$CONFIGURATION" --no-build --launch-profile http \
  -- --LocalInfra:DataRoot="$DATA_ROOT" --RateLimits:Profile=Benchmark --Logging:LogLevel:CQCTP.AppHost.StartupReport=Debug \
  "${apphost_settings[@]+"${apphost_settings[@]}"}" >"$log" 2>&1 &
apphost_pid=$!

token=""
# The AppHost says when the gateway and every service are healthy (CQCTP.AppHost/StartupReport.cs). Polling the
# gateway's /health instead would make it ask every upstream at each poll, and slow the start it measures.
for _ in $(seq 1 1500); do
  grep -q 'Start-up: the platform is ready' "$log" && break
  kill -0 "$apphost_pid" 2>/dev/null || { echo "The AppHost stopped; see $log" >&2; exit 1; }
  sleep 0.2
done
for _ in $(seq 1 300); do
  if curl -sf -o /dev/null "$GATEWAY/health"; then
    token=$(curl -sf "$GATEWAY/connect/token" -d grant_type=client_credentials -d client_id=dev-staff \
      -d client_secret=dev-staff-secret | sed -n -E 's/.*"access_token" *: *"([^"]+)".*/\1/p' || true)
    if [ -n "$token" ] && curl -sf -o /dev/null -H "Authorization: Bearer $token" "$GATEWAY$PATH_UNDER_TEST"; then break; fi
  fi
  kill -0 "$apphost_pid" 2>/dev/null || { echo "The AppHost stopped; see $log" >&2; exit 1; }
  sleep 0.5
done
[ -n "$token" ] || { echo "No staff request succeeded through the gateway; see $log" >&2; exit 1; }
ready=$(date +%s.%N)
printf 'Start-up (%s, %s data root): %.1f s to the first staff request through the gateway\n' "$CONFIGURATION" \
  "$([ "$KEEP_DATA" = 1 ] && echo existing || echo fresh)" "$(awk -v a="$ready" -v b="$started" 'BEGIN { print a - b }')"
# The AppHost's own breakdown (CQCTP.AppHost/StartupReport.cs), counted from its process's start: what comes before
# that (dotnet run's evaluation of the project) is the difference from the figure above.
grep -o 'Start-up: .*' "$log" | sed 's/^/  /' || true

# Processes of this AppHost only (other engineers may run platforms): its descendants, by parent pid.
descendants() {
  local all children pid
  all=$(ps -e -o pid=,ppid=)
  children=$(awk -v p="$1" '$2 == p { print $1 }' <<<"$all")
  for pid in $children; do echo "$pid"; descendants "$pid"; done
}
# DCP's API server leaves the AppHost's tree (its parent becomes init) and names the AppHost it serves: --monitor <pid>.
platform_pids() {
  local own pid
  own=$(descendants "$apphost_pid")
  for pid in $own; do
    echo "$pid"
    for dcp in $(pgrep -f -- "start-apiserver --monitor $pid( |$)" || true); do echo "$dcp"; descendants "$dcp"; done
  done
}
pid_of() { # the platform's process whose command line names $1
  local pid
  for pid in $(platform_pids); do
    if tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -q -- "$1"; then echo "$pid"; return; fi
  done
}
listen_port() { ss -ltnpH | awk -v p="pid=$1," 'index($0, p) { n = split($4, a, ":"); print a[n]; exit }'; }

membership_pid=$(pid_of bin/$CONFIGURATION/net10.0/CQCTP.Membership.Api)
gateway_pid=$(pid_of bin/$CONFIGURATION/net10.0/CQCTP.Gateway)
postgres_pid=$(head -1 "$DATA_ROOT/postgres/postmaster.pid")
platform=$(platform_pids)
DIRECT=http://127.0.0.1:$(listen_port "$membership_pid")
THROUGH=http://127.0.0.1:$(listen_port "$gateway_pid")
echo "membership-api pid $membership_pid on $DIRECT; gateway pid $gateway_pid on $THROUGH (DCP's proxy in front: $GATEWAY)"

# CPU ticks (utime + stime) of a process; PostgreSQL's with its backends; DCP's and the dashboard's processes by
# command name among this platform's, listed once (they live as long as the platform).
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
# Backends come and go with the pools' connections: an ended one's time is in the postmaster's cutime + cstime.
postgres_ticks() {
  local t pid
  t=$(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$postgres_pid/stat" 2>/dev/null || echo 0)
  for pid in $(ps -o pid= --ppid "$postgres_pid"); do t=$((t + $(ticks "$pid"))); done
  echo "$t"
}
matching() {
  local pid
  for pid in $platform; do
    if tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -q -- "$1"; then echo "$pid"; fi
  done
}
dcp_pids=$(matching tools/dcp)
dashboard_pids=$(matching Aspire.Dashboard)
sum_ticks() { local t=0 pid; for pid in "$@"; do t=$((t + $(ticks "$pid"))); done; echo "$t"; }
snapshot() {
  # shellcheck disable=SC2086
  echo "$(ticks "$gateway_pid") $(ticks "$membership_pid") $(postgres_ticks) $(sum_ticks $dcp_pids) $(sum_ticks $dashboard_pids)"
}
HZ=$(getconf CLK_TCK)
# Prints CPU milliseconds per request per process between two snapshots.
cpu_per_request() {
  local -a before after
  local requests=$3 i out=""
  read -r -a before <<<"$1"
  read -r -a after <<<"$2"
  for i in 0 1 2 3 4; do
    out+=$(awk -v a="${after[$i]}" -v b="${before[$i]}" -v n="$requests" -v hz="$HZ" \
      'BEGIN { printf "%9.2f", (n > 0 ? (a - b) * 1000 / hz / n : 0) }')
  done
  echo "$out"
}

# wrk's latency figures carry their unit; milliseconds.
ms() { awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.2f", v }' <<<"$1"; }
median() { sort -g | awk '{ v[NR] = $1 } END { printf "%.3f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

organizations=$(PGHOST=127.0.0.1 PGUSER=postgres PGDATABASE=membership PGPORT=$(sed -n 4p "$DATA_ROOT/postgres/postmaster.pid") \
  PGPASSWORD=$(cat "$DATA_ROOT/postgres.dev-secret") psql -qtAc "select count(*) from organizations" 2>/dev/null || echo "?")
echo "Organizations the list counts: $organizations (a --keep-data run after the directory part lists 10,000 more)"
echo "uptime: $(uptime)"
direct_rates=()
if runs gateway || runs latency; then
  echo "Warm-up: ${WARMUP} s direct, ${WARMUP} s through the gateway (wrk -t1 -c32)…"
  wrk -t1 -c32 -d"${WARMUP}s" -H "Authorization: Bearer $token" "$DIRECT$PATH_UNDER_TEST" >/dev/null
  wrk -t1 -c32 -d"${WARMUP}s" -H "Authorization: Bearer $token" "$THROUGH$PATH_UNDER_TEST" >/dev/null
fi

if runs gateway; then
  echo
  echo "Gateway vs direct: wrk -t1 -c32 -d${DURATION}s GET $PATH_UNDER_TEST, $ROUNDS rounds, alternating"
  printf '%-6s %-8s %9s %8s %8s %8s | CPU ms/request: %9s %9s %9s %9s %9s\n' round side "req/s" "p50 ms" "p99 ms" \
    non2xx gateway member postgres dcp dashbd
  ratios=()
  for round in $(seq 1 "$ROUNDS"); do
    declare -A rate=()
    for side in direct gateway; do
      url=$([ "$side" = direct ] && echo "$DIRECT" || echo "$THROUGH")
      before=$(snapshot)
      out=$(wrk -t1 -c32 -d"${DURATION}s" --latency -H "Authorization: Bearer $token" "$url$PATH_UNDER_TEST")
      after=$(snapshot)
      requests=$(awk '/requests in/ { print $1 }' <<<"$out")
      rate[$side]=$(awk '/Requests\/sec/ { print $2 }' <<<"$out")
      non2xx=$(awk '/Non-2xx/ { print $5 }' <<<"$out")
      p50=$(ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
      p99=$(ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
      printf '%-6s %-8s %9.1f %8s %8s %8s | %s\n' "$round" "$side" "${rate[$side]}" "$p50" "$p99" "${non2xx:-0}" \
        "$(cpu_per_request "$before" "$after" "$requests")"
    done
    direct_rates+=("${rate[direct]}")
    ratio=$(awk -v g="${rate[gateway]}" -v d="${rate[direct]}" 'BEGIN { printf "%.3f", g / d }')
    ratios+=("$ratio")
    echo "round $round: gateway / direct = $ratio"
  done
  echo "median ratio of $ROUNDS rounds: $(printf '%s\n' "${ratios[@]}" | median)  (goal ≥ 0.80)"
  echo "uptime: $(uptime)"
fi

if runs latency; then
  if [ ${#direct_rates[@]} -eq 0 ]; then
    direct_rates+=("$(wrk -t1 -c32 -d"${DURATION}s" -H "Authorization: Bearer $token" "$DIRECT$PATH_UNDER_TEST" \
      | awk '/Requests\/sec/ { print $2 }')")
  fi
  half=$(printf '%s\n' "${direct_rates[@]}" | median | awk '{ printf "%d", $1 / 2 }')
  per_worker=$(awk -v h="$half" 'BEGIN { printf "%d", (h + 7) / 8 }')
  echo
  echo "Half load: $((per_worker * 8)) req/s (8 hey workers × $per_worker/s), ${DURATION}s each, alternating"
  printf '%-6s %-8s %8s %8s %8s %9s\n' round side "p50 ms" "p95 ms" "p99 ms" "req/s"
  for round in $(seq 1 "$ROUNDS"); do
    declare -A p50s=() p99s=()
    for side in direct gateway; do
      url=$([ "$side" = direct ] && echo "$DIRECT" || echo "$THROUGH")
      out=$(hey -z "${DURATION}s" -c 8 -q "$per_worker" -H "Authorization: Bearer $token" "$url$PATH_UNDER_TEST")
      p() { awk -v pct="$1%" '$1 == pct && $2 == "in" { printf "%.2f", $3 * 1000 }' <<<"$out"; }
      p50s[$side]=$(p 50); p99s[$side]=$(p 99)
      printf '%-6s %-8s %8s %8s %8s %9s\n' "$round" "$side" "$(p 50)" "$(p 95)" "$(p 99)" \
        "$(awk '/Requests\/sec/ { printf "%.0f", $2 }' <<<"$out")"
    done
    awk -v gp="${p50s[gateway]}" -v dp="${p50s[direct]}" -v g9="${p99s[gateway]}" -v d9="${p99s[direct]}" -v r="$round" \
      'BEGIN { printf "round %s: p50 +%.2f ms (goal ≤ +0.3), p99 %.2f× direct (goal ≤ 1.3)\n", r, gp - dp, g9 / d9 }'
  done
  echo "uptime: $(uptime)"
fi

if runs directory; then
  echo
  GATEWAY=$GATEWAY BENCH_DATA_ROOT=$DATA_ROOT bash scripts/bench-directory.sh "$DIRECTORY_SECONDS"
  echo "uptime: $(uptime)"
fi
