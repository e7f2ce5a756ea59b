#!/usr/bin/env bash
# Benchmark of the public service directory: 10,000 active organizations with 3 services each (benchmark data,
# "(benchmark)" in their names), anonymous GET /api/v1/membership/directory through the gateway on loopback,
# `hey -c 8` after a 10 s warm-up; prints p50/p95 per query. Not part of CI; figures go in docs/benchmarks.md.
#
#   ./scripts/bench-directory.sh [seconds per measured run, default 30]
#   BENCH_DIRECTORY_CACHE=0 ./scripts/bench-directory.sh 20    # the uncached path: every request reaches PostgreSQL
#
# Starts the AppHost on its own data root (BENCH_DATA_ROOT, default /var/tmp/cqctp/bench-directory) with the
# benchmark's rate limits, unless a gateway already answers on GATEWAY (default http://localhost:8080): then that
# platform is used as it is, and it must have been started with the limits below and BENCH_DATA_ROOT must name its
# data root (to reach its database).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

DURATION=${1:-30}
GATEWAY=${GATEWAY:-http://localhost:8080}
DATA_ROOT=${BENCH_DATA_ROOT:-/var/tmp/cqctp/bench-directory}
ORGANIZATIONS=10000

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
if ! command -v hey >/dev/null 2>&1; then
  echo "Installing: hey"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends hey >/dev/null
fi
command -v psql >/dev/null 2>&1 || { echo "psql is required (postgresql-client-15)." >&2; exit 1; }

# The benchmark profile: every caller is 127.0.0.1 here, so the per-IP and anonymous limits would stop hey at once.
# The AppHost's environment flows to the processes it starts, the gateway included.
export RateLimits__Anonymous__PermitLimit=100000000
export RateLimits__PerIp__PermitLimit=100000000
# Seconds Membership reuses a directory answer (Membership:Directory:CacheSeconds); 0 measures the database path.
# Only for a platform this script starts.
if [ -n "${BENCH_DIRECTORY_CACHE:-}" ]; then
  export Membership__Directory__CacheSeconds="$BENCH_DIRECTORY_CACHE"
fi

apphost_pid=""
cleanup() {
  if [ -n "$apphost_pid" ]; then
    # TERM, not INT: a non-interactive shell starts background jobs with SIGINT ignored, so INT stopped nothing.
    kill -TERM "$apphost_pid" 2>/dev/null || true
    wait "$apphost_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT

if curl -sf -o /dev/null "$GATEWAY/health"; then
  echo "Using the platform already answering on $GATEWAY (data root $DATA_ROOT)."
else
  bash scripts/install-prerequisites.sh
  dotnet build CQCTP.AppHost/CQCTP.AppHost.csproj -nologo -v:q
  log="$DATA_ROOT/bench-apphost.log"
  mkdir -p "$DATA_ROOT"
  echo "Starting the AppHost (log: $log)…"
  dotnet run --project CQCTP.AppHost/CQCTP.AppHost.csproj --no-build --launch-profile http \
    -- --LocalInfra:DataRoot="$DATA_ROOT" >"$log" 2>&1 &
  apphost_pid=$!
  for _ in $(seq 1 300); do
    curl -sf -o /dev/null "$GATEWAY/health" && break
    kill -0 "$apphost_pid" 2>/dev/null || { echo "The AppHost stopped; see $log" >&2; exit 1; }
    sleep 1
  done
  curl -sf -o /dev/null "$GATEWAY/health" || { echo "The gateway did not become healthy; see $log" >&2; exit 1; }
fi

# postmaster.pid's fourth line is the port the server listens on (the AppHost picks a free one).
export PGHOST=127.0.0.1 PGUSER=postgres PGDATABASE=membership
PGPORT=$(sed -n 4p "$DATA_ROOT/postgres/postmaster.pid")
PGPASSWORD=$(cat "$DATA_ROOT/postgres.dev-secret")
export PGPORT PGPASSWORD

existing=$(psql -qtAc "select count(*) from organizations where legal_name like '% (benchmark)'")
if [ "$existing" -lt "$ORGANIZATIONS" ]; then
  echo "Loading $ORGANIZATIONS benchmark organizations with 3 services each…"
  psql -q -v ON_ERROR_STOP=1 <<SQL
begin;
insert into organizations (id, legal_name, normalized_legal_name, common_name, region_code, public_email, status,
                           created_at, updated_at)
select gen_random_uuid(),
       (array['Maison','Centre','Regroupement','Carrefour','Œuvre','Écho','Alliance','Refuge'])[1 + g % 8]
         || ' ' || (array['Aurore','Boréal','Horizon','Phare','Passage','Étoile','Rivage','Sentier'])[1 + (g / 8) % 8]
         || ' ' || g || ' (benchmark)',
       upper((array['Maison','Centre','Regroupement','Carrefour','Œuvre','Écho','Alliance','Refuge'])[1 + g % 8]
         || ' ' || (array['Aurore','Boréal','Horizon','Phare','Passage','Étoile','Rivage','Sentier'])[1 + (g / 8) % 8]
         || ' ' || g || ' (benchmark)'),
       null, lpad((1 + g % 17)::text, 2, '0'), 'info' || g || '@bench.example', 'Active', now(), now()
from generate_series(1, $ORGANIZATIONS) g
on conflict do nothing;

insert into services (id, organization_id, category_code, name_fr, name_en, eligibility_fr, region_codes, languages,
                      addresses_sexual_exploitation, addresses_forced_labour, is_public, created_at, updated_at)
select gen_random_uuid(), o.id, c.code, c.label_fr || ' — ' || o.legal_name, c.label_en,
       (array['Femmes de 18 ans et plus.', 'Jeunes de 12 à 25 ans.', 'Personnes migrantes, tout statut.',
              'Toute personne touchée par la traite.'])[1 + (abs(hashtext(o.id::text)) + k) % 4],
       array[o.region_code, lpad((1 + (abs(hashtext(o.id::text)) + k) % 17)::text, 2, '0')],
       case when k = 2 then array['en','es','fr'] else array['fr'] end,
       k <> 1, k <> 0, (abs(hashtext(o.id::text)) + k) % 10 <> 0, now(), now()
from organizations o
cross join generate_series(0, 2) k
join lateral (select code, label_fr, label_en from service_categories
              order by code offset (abs(hashtext(o.id::text)) + k) % 10 limit 1) c on true
where o.legal_name like '% (benchmark)'
  and not exists (select 1 from services s where s.organization_id = o.id);
commit;
analyze organizations; analyze services;
SQL
fi
echo "Organizations: $(psql -qtAc "select count(*) from organizations") — services: $(psql -qtAc "select count(*) from services")"

queries=(
  "q=hebergement&region=05"
  "q=soutien%20juridique&language=es"
  "region=05&category=shelter"
)

echo "Warm-up: 4 s per query (12 s), 8 connections…"
for query in "${queries[@]}"; do
  hey -z 4s -c 8 "$GATEWAY/api/v1/membership/directory?$query" >/dev/null
done

printf '\n%-40s %8s %8s %8s %10s\n' "query" "p50 ms" "p95 ms" "p99 ms" "req/s"
for query in "${queries[@]}"; do
  out=$(hey -z "${DURATION}s" -c 8 "$GATEWAY/api/v1/membership/directory?$query")
  statuses=$(echo "$out" | sed -n '/Status code distribution/,$p' | grep -E '^\s+\[' | tr -s ' ' | paste -sd' ')
  p() { echo "$out" | awk -v pct="$1%" '$1 == pct && $2 == "in" { printf "%.1f", $3 * 1000 }'; }
  rps=$(echo "$out" | awk '/Requests\/sec/ { printf "%.0f", $2 }')
  printf '%-40s %8s %8s %8s %10s   %s\n' "$query" "$(p 50)" "$(p 95)" "$(p 99)" "$rps" "$statuses"
done
