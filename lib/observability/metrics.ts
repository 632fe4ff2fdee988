// The process's Prometheus metrics (prom-client), one registry per process shared by scripts/serve.ts
// (the request histogram) and the app Next.js bundles (counters, the database gauges, /api/metrics):
// kept on globalThis, so the bundle's copy of this module finds the registry serve.ts created.
// docs/operations.md lists every metric with what to watch.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { LoginFailureReason } from "@/lib/auth/login-errors";
import { databasePool } from "@/lib/db/database-pool";

/** Why an allocation found no places: no quota for the region and year, or too few places left. */
export type QuotaRefusalReason = "noQuota" | "noPlacesLeft" | "noPlacesForMore";

const LOGIN_FAILURE_REASONS: LoginFailureReason[] = ["invalid", "deactivated", "throttled", "wrongCode", "restart"];
const QUOTA_REFUSAL_REASONS: QuotaRefusalReason[] = ["noQuota", "noPlacesLeft", "noPlacesForMore"];

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const pool = () => databasePool();
  return {
    registry,
    httpDuration: new Histogram({
      name: "nk_http_request_duration_seconds",
      help: "Time from a request's arrival to the end of its response, per route pattern, method and status class.",
      labelNames: ["route", "method", "status_class"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    poolInUse: new Gauge({
      name: "nk_db_pool_connections_in_use",
      help: "Connections of this server's database pool running a query or a transaction.",
      registers,
      collect() {
        const current = pool();
        this.set(current ? current.totalCount - current.idleCount : 0);
      },
    }),
    poolIdle: new Gauge({
      name: "nk_db_pool_connections_idle",
      help: "Open connections of this server's database pool waiting for work.",
      registers,
      collect() {
        this.set(pool()?.idleCount ?? 0);
      },
    }),
    poolWaiting: new Gauge({
      name: "nk_db_pool_waiting_requests",
      help: "Queries waiting for a free connection of this server's database pool.",
      registers,
      collect() {
        this.set(pool()?.waitingCount ?? 0);
      },
    }),
    poolMax: new Gauge({
      name: "nk_db_pool_connections_max",
      help: "Size limit of this server's database pool (DATABASE_POOL_SIZE).",
      registers,
      collect() {
        this.set(pool()?.options.max ?? 0);
      },
    }),
    quotaRefusals: new Counter({
      name: "nk_quota_allocation_refusals_total",
      help: "Quota allocations refused for want of places (no quota, no places left, too few for more persons).",
      labelNames: ["reason"] as const,
      registers,
    }),
    quotaConflicts: new Counter({
      name: "nk_quota_allocation_conflicts_total",
      help: "Allocations that met a concurrent change: the family already allocated, or its case changed meanwhile.",
      registers,
    }),
    lookupLimited: new Counter({
      name: "nk_public_lookup_limited_total",
      help: "Public status lookups answered 429 (over the per-address or per-case limit).",
      registers,
    }),
    loginFailures: new Counter({
      name: "nk_login_failures_total",
      help: "Refused staff sign-ins, by the reason the login page shows.",
      labelNames: ["reason"] as const,
      registers,
    }),
    backupsRecorded: new Gauge({
      name: "nk_backups_recorded",
      help: "Finished backups recorded in base_backup (0: never backed up).",
      registers,
    }),
    backupAge: new Gauge({
      name: "nk_backup_age_seconds",
      help: "Seconds since the newest recorded backup finished; NaN when none is recorded.",
      registers,
    }),
    walArchiving: new Gauge({
      name: "nk_wal_archiving_enabled",
      help: "1 when the database archives its write-ahead log (archive_mode on), 0 when not; NaN when unreadable.",
      registers,
    }),
    walArchiveLag: new Gauge({
      name: "nk_wal_archive_lag_seconds",
      help: "Seconds since the last WAL segment was archived while WAL has been written since (0 when nothing waits); NaN when not archiving.",
      registers,
    }),
    walArchiveFailures: new Gauge({
      name: "nk_wal_archive_failed_count",
      help: "Failed WAL archiving attempts since the statistics were reset (pg_stat_archiver.failed_count).",
      registers,
    }),
    walArchiveFailing: new Gauge({
      name: "nk_wal_archive_failing",
      help: "1 when the archiver's last attempt failed (a failure after the last success), else 0.",
      registers,
    }),
    databaseUp: new Gauge({
      name: "nk_database_up",
      help: "1 when the database answered the scrape's queries, 0 when not.",
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** Every reason appears from the start, at 0, so that a rate over it exists before the first failure. */
function withZeroes(created: Metrics): Metrics {
  for (const reason of LOGIN_FAILURE_REASONS) created.loginFailures.inc({ reason }, 0);
  for (const reason of QUOTA_REFUSAL_REASONS) created.quotaRefusals.inc({ reason }, 0);
  return created;
}

const KEY = Symbol.for("nurly-kosh.metrics");
const holder = globalThis as { [KEY]?: Metrics };

/** The process's metrics, created on first use. */
export function metrics(): Metrics {
  return (holder[KEY] ??= withZeroes(createMetrics()));
}

/** Counts a refused staff sign-in. */
export function countLoginFailure(reason: LoginFailureReason): void {
  metrics().loginFailures.inc({ reason });
}

/** Counts an allocation refused for want of places. */
export function countQuotaRefusal(reason: QuotaRefusalReason): void {
  metrics().quotaRefusals.inc({ reason });
}

/** Counts an allocation that met a concurrent change. */
export function countQuotaConflict(): void {
  metrics().quotaConflicts.inc();
}

/** Counts a public lookup answered 429. */
export function countLookupLimited(): void {
  metrics().lookupLimited.inc();
}
