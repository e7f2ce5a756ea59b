#!/usr/bin/env bash
# Runs the whole platform: PostgreSQL, RabbitMQ, the four services and the gateway, under the Aspire AppHost.
# Gateway: http://localhost:8080 — dashboard: http://localhost:18888. Stop with Ctrl+C (or SIGTERM).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

bash scripts/install-prerequisites.sh
# The AppHost starts each service from its build output (CQCTP.AppHost/BuildOutputLaunch.cs): building the AppHost
# builds them all.
dotnet build CQCTP.AppHost/CQCTP.AppHost.csproj -nologo -v:q
exec dotnet run --project CQCTP.AppHost/CQCTP.AppHost.csproj --no-build --launch-profile http
