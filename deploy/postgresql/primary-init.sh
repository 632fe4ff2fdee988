#!/bin/sh
# Runs once when the compose primary's data folder is created (docker-entrypoint-initdb.d): the app's
# role owning the database, and the replication role with its pg_hba line. docs/operations.md.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" <<SQL
CREATE ROLE nurly LOGIN PASSWORD '${NURLY_PASSWORD}';
-- The report pages read the replica's receive time from pg_stat_wal_receiver (docs/decisions/021).
GRANT pg_read_all_stats TO nurly;
CREATE ROLE replicator LOGIN REPLICATION PASSWORD '${REPLICATION_PASSWORD}';
CREATE DATABASE nurly_kosh OWNER nurly;
SQL
echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
