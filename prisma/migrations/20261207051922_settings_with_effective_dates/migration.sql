-- Programme settings keep every saved value with the day it applies from (docs/decisions/015).
-- CreateTable
CREATE TABLE "setting_version" (
    "id" SERIAL NOT NULL,
    "key" VARCHAR(64) NOT NULL,
    "value" JSONB NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "reason" TEXT,
    "changedById" INTEGER,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnAt" TIMESTAMP(3),
    "withdrawnById" INTEGER,

    CONSTRAINT "setting_version_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "setting_version_key_effectiveFrom_idx" ON "setting_version"("key", "effectiveFrom");

-- AddForeignKey
ALTER TABLE "setting_version" ADD CONSTRAINT "setting_version_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "setting_version" ADD CONSTRAINT "setting_version_withdrawnById_fkey" FOREIGN KEY ("withdrawnById") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Data: each stored setting becomes its first version, applying from long before any case, so every
-- past event keeps the value it was computed with. The review time limit was once accepted as text
-- ("12"): such values become the number they spell.
INSERT INTO "setting_version" ("key", "value", "effectiveFrom", "changedById", "changedAt")
SELECT "key",
       CASE WHEN jsonb_typeof("value") = 'string' AND ("value" #>> '{}') ~ '^\s*\d{1,9}\s*$'
            THEN to_jsonb(trim("value" #>> '{}')::integer)
            ELSE "value" END,
       DATE '2000-01-01', "updatedById", "updatedAt"
  FROM "setting"
 ORDER BY "key";

-- DropForeignKey
ALTER TABLE "setting" DROP CONSTRAINT "setting_updatedById_fkey";

-- DropTable
DROP TABLE "setting";

-- AlterTable
ALTER TABLE "mci_rate" ADD COLUMN     "updatedById" INTEGER;

-- AddForeignKey
ALTER TABLE "mci_rate" ADD CONSTRAINT "mci_rate_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
