-- CreateEnum
CREATE TYPE "TransferStatus" AS ENUM ('PENDING', 'ACCEPTED', 'DECLINED');

-- CreateTable
CREATE TABLE "family_transfer" (
    "id" SERIAL NOT NULL,
    "familyId" INTEGER NOT NULL,
    "fromRegionId" VARCHAR(8) NOT NULL,
    "fromDistrictId" INTEGER,
    "toRegionId" VARCHAR(8) NOT NULL,
    "toDistrictId" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "TransferStatus" NOT NULL DEFAULT 'PENDING',
    "proposedById" INTEGER NOT NULL,
    "proposedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMP(3),
    "declineReason" TEXT,
    "outcome" JSONB,

    CONSTRAINT "family_transfer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "family_transfer_familyId_proposedAt_idx" ON "family_transfer"("familyId", "proposedAt");

-- CreateIndex
CREATE INDEX "family_transfer_fromRegionId_proposedAt_idx" ON "family_transfer"("fromRegionId", "proposedAt");

-- CreateIndex
CREATE INDEX "family_transfer_toRegionId_proposedAt_idx" ON "family_transfer"("toRegionId", "proposedAt");

-- AddForeignKey
ALTER TABLE "family_transfer" ADD CONSTRAINT "family_transfer_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "family_transfer" ADD CONSTRAINT "family_transfer_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "family_transfer" ADD CONSTRAINT "family_transfer_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

