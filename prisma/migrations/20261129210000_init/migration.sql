
-- CreateEnum
CREATE TYPE "RegionKind" AS ENUM ('REGION', 'CITY');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'COORDINATOR', 'CASEWORKER', 'ANALYST');

-- CreateEnum
CREATE TYPE "Category" AS ENUM ('KANDAS', 'SETTLER');

-- CreateEnum
CREATE TYPE "Pool" AS ENUM ('KANDAS', 'SETTLER');

-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('REGISTERED', 'UNDER_REVIEW', 'APPROVED', 'QUOTA_ALLOCATED', 'RESETTLED', 'SUPPORTED', 'CLOSED', 'REJECTED', 'WITHDRAWN', 'EXPIRED');

-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('M', 'F');

-- CreateEnum
CREATE TYPE "Relationship" AS ENUM ('HEAD', 'SPOUSE', 'CHILD', 'PARENT', 'SIBLING', 'GRANDCHILD', 'GRANDPARENT', 'OTHER');

-- CreateEnum
CREATE TYPE "Education" AS ENUM ('NONE', 'PRIMARY', 'SECONDARY', 'VOCATIONAL', 'HIGHER', 'POSTGRADUATE');

-- CreateEnum
CREATE TYPE "AllocationStatus" AS ENUM ('ACTIVE', 'RELEASED');

-- CreateTable
CREATE TABLE "region" (
    "id" VARCHAR(8) NOT NULL,
    "kind" "RegionKind" NOT NULL,
    "nameKk" TEXT NOT NULL,
    "nameRu" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "centreKk" TEXT NOT NULL,
    "centreRu" TEXT NOT NULL,
    "centreEn" TEXT NOT NULL,
    "isResettlementTarget" BOOLEAN NOT NULL DEFAULT false,
    "isLabourSurplus" BOOLEAN NOT NULL DEFAULT false,
    "splitFromId" VARCHAR(8),
    "splitYear" INTEGER,

    CONSTRAINT "region_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "district" (
    "id" SERIAL NOT NULL,
    "regionId" VARCHAR(8) NOT NULL,
    "nameKk" TEXT NOT NULL,
    "nameRu" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,

    CONSTRAINT "district_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "regionId" VARCHAR(8),
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "locale" VARCHAR(2) NOT NULL DEFAULT 'kk',
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "family" (
    "id" SERIAL NOT NULL,
    "caseNumber" VARCHAR(16) NOT NULL,
    "category" "Category" NOT NULL,
    "status" "CaseStatus" NOT NULL DEFAULT 'REGISTERED',
    "originCountry" CHAR(2),
    "originRegionId" VARCHAR(8),
    "targetRegionId" VARCHAR(8) NOT NULL,
    "targetDistrictId" INTEGER,
    "contactPhone" VARCHAR(32),
    "contactEmail" TEXT,
    "address" TEXT,
    "applicationDate" DATE NOT NULL,
    "decisionNumber" VARCHAR(64),
    "decisionDate" DATE,
    "statusValidUntil" DATE,
    "arrivalDate" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" INTEGER NOT NULL,
    "updatedById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "family_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "person" (
    "id" SERIAL NOT NULL,
    "familyId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "isHead" BOOLEAN NOT NULL DEFAULT false,
    "relationship" "Relationship" NOT NULL,
    "surnameCyr" TEXT NOT NULL,
    "givenNameCyr" TEXT NOT NULL,
    "patronymicCyr" TEXT,
    "surnameLat" TEXT NOT NULL,
    "givenNameLat" TEXT NOT NULL,
    "patronymicLat" TEXT,
    "iin" CHAR(12),
    "birthDate" DATE NOT NULL,
    "sex" "Sex" NOT NULL,
    "citizenship" CHAR(2) NOT NULL,
    "education" "Education",
    "profession" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_event" (
    "id" SERIAL NOT NULL,
    "familyId" INTEGER NOT NULL,
    "fromStatus" "CaseStatus",
    "toStatus" "CaseStatus" NOT NULL,
    "actorId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reason" TEXT,
    "data" JSONB,

    CONSTRAINT "case_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quota_order" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "reference" VARCHAR(64) NOT NULL,
    "orderDate" DATE NOT NULL,
    "isAmendment" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "quota_order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quota" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "regionId" VARCHAR(8) NOT NULL,
    "pool" "Pool" NOT NULL,
    "total" INTEGER NOT NULL,
    "allocated" INTEGER NOT NULL DEFAULT 0,
    "orderId" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "quota_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quota_amendment" (
    "id" SERIAL NOT NULL,
    "quotaId" INTEGER NOT NULL,
    "orderId" INTEGER NOT NULL,
    "oldTotal" INTEGER NOT NULL,
    "newTotal" INTEGER NOT NULL,
    "actorId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "quota_amendment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "allocation" (
    "id" SERIAL NOT NULL,
    "quotaId" INTEGER NOT NULL,
    "familyId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "persons" INTEGER NOT NULL,
    "status" "AllocationStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "releasedAt" TIMESTAMP(3),

    CONSTRAINT "allocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" INTEGER,
    "actorRole" "Role",
    "action" VARCHAR(64) NOT NULL,
    "entity" VARCHAR(32) NOT NULL,
    "entityId" VARCHAR(64),
    "regionId" VARCHAR(8),
    "changes" JSONB,
    "ip" VARCHAR(64),
    "requestId" VARCHAR(64),

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mci_rate" (
    "year" INTEGER NOT NULL,
    "amountTenge" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "mci_rate_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "setting" (
    "key" VARCHAR(64) NOT NULL,
    "value" JSONB NOT NULL,
    "updatedById" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "setting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "case_number_counter" (
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "case_number_counter_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "login_throttle" (
    "key" VARCHAR(160) NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),

    CONSTRAINT "login_throttle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "app_meta" (
    "key" VARCHAR(64) NOT NULL,
    "value" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_meta_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "district_regionId_nameEn_key" ON "district"("regionId", "nameEn");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "app_user_regionId_idx" ON "app_user"("regionId");

-- CreateIndex
CREATE UNIQUE INDEX "family_caseNumber_key" ON "family"("caseNumber");

-- CreateIndex
CREATE INDEX "family_targetRegionId_id_idx" ON "family"("targetRegionId", "id");

-- CreateIndex
CREATE INDEX "family_targetRegionId_status_id_idx" ON "family"("targetRegionId", "status", "id");

-- CreateIndex
CREATE INDEX "family_status_id_idx" ON "family"("status", "id");

-- CreateIndex
CREATE UNIQUE INDEX "person_iin_key" ON "person"("iin");

-- CreateIndex
CREATE UNIQUE INDEX "person_familyId_position_key" ON "person"("familyId", "position");

-- CreateIndex
CREATE INDEX "case_event_familyId_at_idx" ON "case_event"("familyId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "quota_order_year_reference_key" ON "quota_order"("year", "reference");

-- CreateIndex
CREATE UNIQUE INDEX "quota_year_regionId_pool_key" ON "quota"("year", "regionId", "pool");

-- CreateIndex
CREATE INDEX "quota_amendment_quotaId_at_idx" ON "quota_amendment"("quotaId", "at");

-- CreateIndex
CREATE INDEX "allocation_quotaId_idx" ON "allocation"("quotaId");

-- CreateIndex
CREATE UNIQUE INDEX "allocation_familyId_year_key" ON "allocation"("familyId", "year");

-- CreateIndex
CREATE INDEX "audit_log_entity_entityId_idx" ON "audit_log"("entity", "entityId");

-- CreateIndex
CREATE INDEX "audit_log_actorId_at_idx" ON "audit_log"("actorId", "at");

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

-- AddForeignKey
ALTER TABLE "region" ADD CONSTRAINT "region_splitFromId_fkey" FOREIGN KEY ("splitFromId") REFERENCES "region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "district" ADD CONSTRAINT "district_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "family" ADD CONSTRAINT "family_originRegionId_fkey" FOREIGN KEY ("originRegionId") REFERENCES "region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "family" ADD CONSTRAINT "family_targetRegionId_fkey" FOREIGN KEY ("targetRegionId") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "family" ADD CONSTRAINT "family_targetDistrictId_fkey" FOREIGN KEY ("targetDistrictId") REFERENCES "district"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "family" ADD CONSTRAINT "family_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "family" ADD CONSTRAINT "family_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "person" ADD CONSTRAINT "person_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_event" ADD CONSTRAINT "case_event_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_event" ADD CONSTRAINT "case_event_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quota_order" ADD CONSTRAINT "quota_order_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quota" ADD CONSTRAINT "quota_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quota" ADD CONSTRAINT "quota_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "quota_order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quota_amendment" ADD CONSTRAINT "quota_amendment_quotaId_fkey" FOREIGN KEY ("quotaId") REFERENCES "quota"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quota_amendment" ADD CONSTRAINT "quota_amendment_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "quota_order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quota_amendment" ADD CONSTRAINT "quota_amendment_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "allocation" ADD CONSTRAINT "allocation_quotaId_fkey" FOREIGN KEY ("quotaId") REFERENCES "quota"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "allocation" ADD CONSTRAINT "allocation_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "family"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "allocation" ADD CONSTRAINT "allocation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "setting" ADD CONSTRAINT "setting_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Hand-written below: objects that schema.prisma cannot express (listed in prisma/manual-objects.json).

-- Trigram search over names in both scripts (family search).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE "quota" ADD CONSTRAINT "quota_allocated_within_total"
  CHECK ("allocated" >= 0 AND "allocated" <= "total");
ALTER TABLE "quota" ADD CONSTRAINT "quota_year_range" CHECK ("year" BETWEEN 1991 AND 2100);
ALTER TABLE "allocation" ADD CONSTRAINT "allocation_persons_positive" CHECK ("persons" > 0);
ALTER TABLE "quota_amendment" ADD CONSTRAINT "quota_amendment_totals_non_negative"
  CHECK ("oldTotal" >= 0 AND "newTotal" >= 0);

-- Regional roles belong to exactly one region; national roles to none.
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_region_matches_role" CHECK (
  ("role" IN ('COORDINATOR', 'CASEWORKER') AND "regionId" IS NOT NULL)
  OR ("role" IN ('ADMIN', 'ANALYST') AND "regionId" IS NULL)
);
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_email_lower_case" CHECK ("email" = lower("email"));

-- Kandas come from a country, settlers from a region of Kazakhstan.
ALTER TABLE "family" ADD CONSTRAINT "family_origin_matches_category" CHECK (
  ("category" = 'KANDAS' AND "originCountry" IS NOT NULL AND "originRegionId" IS NULL)
  OR ("category" = 'SETTLER' AND "originRegionId" IS NOT NULL AND "originCountry" IS NULL)
);
ALTER TABLE "family" ADD CONSTRAINT "family_case_number_format"
  CHECK ("caseNumber" ~ '^NK-[0-9]{4}-[0-9]{6}$');
ALTER TABLE "family" ADD CONSTRAINT "family_version_positive" CHECK ("version" >= 1);

ALTER TABLE "person" ADD CONSTRAINT "person_iin_format" CHECK ("iin" ~ '^[0-9]{12}$');
ALTER TABLE "person" ADD CONSTRAINT "person_head_relationship"
  CHECK (("isHead" AND "relationship" = 'HEAD') OR (NOT "isHead" AND "relationship" <> 'HEAD'));
-- At most one head per family.
CREATE UNIQUE INDEX "person_one_head_per_family" ON "person" ("familyId") WHERE "isHead";

-- The audit log is append-only: history must not be rewritten, even by the application.
CREATE FUNCTION "audit_log_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_refuse_change"();
