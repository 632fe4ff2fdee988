-- DropIndex
DROP INDEX "audit_log_actorId_at_idx";

-- DropIndex
DROP INDEX "audit_log_at_idx";

-- DropIndex
DROP INDEX "audit_log_entity_entityId_idx";

-- CreateIndex
CREATE INDEX "audit_log_at_id_idx" ON "audit_log"("at", "id");

-- CreateIndex
CREATE INDEX "audit_log_actorId_at_id_idx" ON "audit_log"("actorId", "at", "id");

-- CreateIndex
CREATE INDEX "audit_log_action_at_id_idx" ON "audit_log"("action", "at", "id");

-- CreateIndex
CREATE INDEX "audit_log_regionId_at_id_idx" ON "audit_log"("regionId", "at", "id");

-- CreateIndex
CREATE INDEX "audit_log_regionId_action_at_id_idx" ON "audit_log"("regionId", "action", "at", "id");

-- CreateIndex
CREATE INDEX "audit_log_entity_entityId_at_id_idx" ON "audit_log"("entity", "entityId", "at", "id");

-- Hand-written (prisma/manual-objects.json): indexes schema.prisma cannot declare, for the audit viewer's
-- alternatives (lib/db/audit/audit-entries.ts, docs/decisions/014).

-- The family an entry is about; the expression must stay identical to FAMILY_SUBJECT_SQL.
-- The casts are spelt out so that pg_get_indexdef's rendering reads back as the same expression.
CREATE INDEX "audit_log_family_subject_idx" ON "audit_log" ((CASE WHEN entity::text IN ('family', 'adaptation_plan') THEN "entityId"::text ELSE changes ->> 'familyId' END), "at", "id")
  WHERE (CASE WHEN entity::text IN ('family', 'adaptation_plan') THEN "entityId"::text ELSE changes ->> 'familyId' END) IS NOT NULL;

-- A staff member's entries without a region (sign-ins, lists, refused attempts), for a coordinator.
CREATE INDEX "audit_log_regionless_actor_idx" ON "audit_log" ("actorId", "at", "id") WHERE "regionId" IS NULL;
CREATE INDEX "audit_log_regionless_actor_action_idx" ON "audit_log" ("actorId", "action", "at", "id") WHERE "regionId" IS NULL;

-- Entries about an account written without an actor or a region (sign-outs, failed sign-ins), per action,
-- for a coordinator's staff; in time order alone they are read through audit_log_entity_entityId_at_id_idx.
CREATE INDEX "audit_log_account_action_idx" ON "audit_log" ("entityId", "action", "at", "id")
  WHERE entity = 'user' AND "actorId" IS NULL AND "regionId" IS NULL;
