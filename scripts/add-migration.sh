#!/usr/bin/env bash
# Adds a schema migration for both providers after a change to the model (an entity or its
# mapping in src/Domain/Storage/Mapping): one in Migrations/Sqlite, one in Migrations/Postgres,
# under the same name. Needs no database. Review both, then commit them with the change.
#   scripts/add-migration.sh AddRetiredIndicators
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?Usage: scripts/add-migration.sh <MigrationName>}"
dotnet tool restore >/dev/null
dotnet build src/Domain -c Debug --nologo -v q
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --no-build --project src/Domain --startup-project src/Domain \
    --context "${provider}PmfDbContext" --output-dir "Storage/Migrations/$provider"
done
