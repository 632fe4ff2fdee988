-- AlterTable
ALTER TABLE "document_file" ADD COLUMN     "replacedAt" TIMESTAMP(3),
ADD COLUMN     "replacedByFileId" INTEGER,
ADD COLUMN     "replacedById" INTEGER;

-- CreateTable
CREATE TABLE "payment_reversal" (
    "id" SERIAL NOT NULL,
    "paymentId" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "reversedById" INTEGER NOT NULL,
    "reversedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payment_reversal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "status_extension" (
    "id" SERIAL NOT NULL,
    "familyId" INTEGER NOT NULL,
    "previousValidUntil" DATE NOT NULL,
    "validUntil" DATE NOT NULL,
    "decisionNumber" VARCHAR(64) NOT NULL,
    "decisionDate" DATE NOT NULL,
    "actorId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "status_extension_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "payment_reversal_paymentId_key" ON "payment_reversal"("paymentId");

-- CreateIndex
CREATE INDEX "status_extension_familyId_idx" ON "status_extension"("familyId");

-- AddForeignKey
ALTER TABLE "payment_reversal" ADD CONSTRAINT "payment_reversal_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "payment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "status_extension" ADD CONSTRAINT "status_extension_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

