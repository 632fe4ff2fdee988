#!/bin/sh
# The compose replica: on first start, a base backup of the primary that starts as its streaming
# standby (pg_basebackup -R writes standby.signal and primary_conninfo); afterwards it just starts.
set -eu
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_isready -h db-primary -p 5432 -q; do sleep 1; done
  rm -rf "$PGDATA"/*
  PGPASSWORD="$REPLICATION_PASSWORD" pg_basebackup -h db-primary -p 5432 -U replicator \
    -D "$PGDATA" -R -X stream -c fast
  chmod 0700 "$PGDATA"
fi
exec postgres -c hot_standby=on -c max_standby_streaming_delay=300s
