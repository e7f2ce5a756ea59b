#!/usr/bin/env bash
# How long the token endpoint takes to refuse, through the gateway: an unknown client id, a revoked client, and a
# known client id with a wrong secret. If the medians differ, an attacker can tell which client ids exist.
# Needs a running platform (./scripts/run.sh, Development: it uses dev-staff to register two clients and revoke them).
# Usage: scripts/measure-token-timing.sh [gateway URL, default http://localhost:8080] [tries per case, default 50]
set -euo pipefail
gateway=${1:-http://localhost:8080}
tries=${2:-50}
# The gateway allows 60 token requests a minute per IP and the identity service 20 per client id: one request a
# little more than every second, spread over several client ids per case, stays under both. A 429 is retried.
pause=1.05
run=$(date +%s)

staff_token=$(curl -sf "$gateway/connect/token" -d grant_type=client_credentials -d client_id=dev-staff \
  -d client_secret=dev-staff-secret | sed -E 's/.*"access_token":"([^"]+)".*/\1/')

register_revoked() {
  local id="timing-revoked-$run-$1"
  curl -sf -o /dev/null "$gateway/api/v1/identity/clients" -H "Authorization: Bearer $staff_token" \
    -H 'Content-Type: application/json' -d "{\"clientId\":\"$id\",\"displayName\":\"Timing\",\"kind\":\"integrator\"}"
  curl -sf -o /dev/null -X POST "$gateway/api/v1/identity/clients/$id/revoke" -H "Authorization: Bearer $staff_token"
  echo "$id"
}
revoked=("$(register_revoked 1)" "$(register_revoked 2)")
known=(dev-integrator dev-portal-a dev-portal-b)

# Prints the seconds one refused request took; only 401 invalid_client counts.
refusal_time() {
  local out
  while true; do
    out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "$gateway/connect/token" \
      -d grant_type=client_credentials --data-urlencode "client_id=$1" --data-urlencode "client_secret=$2")
    case ${out%% *} in
      401) echo "${out#* }"; return ;;
      429) sleep 10 ;;
      *) echo "unexpected answer ${out%% *} for $1" >&2; return 1 ;;
    esac
  done
}

median_ms() { sort -g | awk '{ t[NR] = $1 } END { m = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2; printf "%.1f", m * 1000 }'; }

samples=${TMPDIR:-/tmp}/token-timing.$run
: >"$samples"
# Two unrecorded rounds first, so JIT compilation and cold connections do not land in one case only.
for i in $(seq 1 $((tries + 2))); do
  unknown=$(refusal_time "timing-unknown-$run-$i" "guess-$i"); sleep "$pause"
  revoked_client=$(refusal_time "${revoked[i % 2]}" "guess-$i"); sleep "$pause"
  wrong=$(refusal_time "${known[i % 3]}" "guess-$i"); sleep "$pause"
  if [ "$i" -gt 2 ]; then
    printf 'unknown %s\nrevoked %s\nwrong %s\n' "$unknown" "$revoked_client" "$wrong" >>"$samples"
  fi
done

echo "median of $tries refusals each, through $gateway:"
for case in "unknown:unknown client id" "revoked:revoked client" "wrong:known id, wrong secret"; do
  printf '  %-24s %s ms\n' "${case#*:}" "$(awk -v c="${case%%:*}" '$1 == c { print $2 }' "$samples" | median_ms)"
done
rm -f "$samples"
