-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('APPLICATION', 'AUTOBIOGRAPHY', 'IDENTITY_DOCUMENT', 'IDENTITY_TRANSLATION', 'NATIONALITY_PROOF');

-- CreateEnum
CREATE TYPE "DocumentStatus" AS ENUM ('MISSING', 'RECEIVED', 'VERIFIED');

-- CreateEnum
CREATE TYPE "PaymentKind" AS ENUM ('RELOCATION_SUBSIDY', 'RENT_COMPENSATION', 'HOUSING_CERTIFICATE');

-- CreateEnum
CREATE TYPE "DuplicateDecision" AS ENUM ('SAME_PERSON', 'DIFFERENT_PERSON');

-- AlterTable
ALTER TABLE "family" ADD COLUMN     "registrationKey" UUID;

-- AlterTable
ALTER TABLE "person" ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "document" (
    "id" SERIAL NOT NULL,
    "familyId" INTEGER NOT NULL,
    "personId" INTEGER,
    "kind" "DocumentKind" NOT NULL,
    "status" "DocumentStatus" NOT NULL DEFAULT 'MISSING',
    "updatedById" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "document_file" (
    "id" SERIAL NOT NULL,
    "documentId" INTEGER NOT NULL,
    "fileName" VARCHAR(255) NOT NULL,
    "mimeType" VARCHAR(64) NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "content" BYTEA NOT NULL,
    "uploadedById" INTEGER NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "document_file_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "adaptation_plan" (
    "familyId" INTEGER NOT NULL,
    "plannedArrival" DATE,
    "transport" TEXT,
    "membersArriving" INTEGER,
    "housing" TEXT,
    "job" TEXT,
    "training" TEXT,
    "updatedById" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "adaptation_plan_pkey" PRIMARY KEY ("familyId")
);

-- CreateTable
CREATE TABLE "payment" (
    "id" SERIAL NOT NULL,
    "familyId" INTEGER NOT NULL,
    "kind" "PaymentKind" NOT NULL,
    "amountTenge" INTEGER NOT NULL,
    "paidOn" DATE NOT NULL,
    "months" INTEGER,
    "note" TEXT,
    "recordedById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "note" (
    "id" SERIAL NOT NULL,
    "familyId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "note_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "duplicate_check" (
    "id" SERIAL NOT NULL,
    "familyId" INTEGER NOT NULL,
    "matchedPersonId" INTEGER NOT NULL,
    "matchedFamilyId" INTEGER NOT NULL,
    "similarity" DOUBLE PRECISION NOT NULL,
    "decision" "DuplicateDecision" NOT NULL,
    "actorId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "duplicate_check_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "document_familyId_idx" ON "document"("familyId");

-- CreateIndex
CREATE INDEX "document_file_documentId_idx" ON "document_file"("documentId");

-- CreateIndex
CREATE INDEX "payment_familyId_idx" ON "payment"("familyId");

-- CreateIndex
CREATE INDEX "note_familyId_createdAt_idx" ON "note"("familyId", "createdAt");

-- CreateIndex
CREATE INDEX "duplicate_check_familyId_idx" ON "duplicate_check"("familyId");

-- CreateIndex
CREATE UNIQUE INDEX "family_registrationKey_key" ON "family"("registrationKey");

-- CreateIndex
CREATE INDEX "person_birthDate_idx" ON "person"("birthDate");

-- AddForeignKey
ALTER TABLE "document" ADD CONSTRAINT "document_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document" ADD CONSTRAINT "document_personId_fkey" FOREIGN KEY ("personId") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_file" ADD CONSTRAINT "document_file_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "adaptation_plan" ADD CONSTRAINT "adaptation_plan_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment" ADD CONSTRAINT "payment_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "note" ADD CONSTRAINT "note_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "duplicate_check" ADD CONSTRAINT "duplicate_check_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "family"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written below: objects that schema.prisma cannot express (listed in prisma/manual-objects.json).

-- Name search: trigram index over every spelling of a member's name, folded (docs: lib/db/families/search).
CREATE INDEX "person_search_text_trgm" ON "person" USING gin ("searchText" gin_trgm_ops);

-- One checklist item per family, kind and member (NULL member = the family's own documents).
CREATE UNIQUE INDEX "document_one_per_kind" ON "document" ("familyId", "kind", COALESCE("personId", 0));
ALTER TABLE "document" ADD CONSTRAINT "document_member_matches_kind" CHECK (
  ("kind" IN ('IDENTITY_DOCUMENT', 'IDENTITY_TRANSLATION') AND "personId" IS NOT NULL)
  OR ("kind" NOT IN ('IDENTITY_DOCUMENT', 'IDENTITY_TRANSLATION') AND "personId" IS NULL)
);
ALTER TABLE "document_file" ADD CONSTRAINT "document_file_size_positive" CHECK ("sizeBytes" > 0);

ALTER TABLE "adaptation_plan" ADD CONSTRAINT "adaptation_plan_members_positive"
  CHECK ("membersArriving" IS NULL OR "membersArriving" > 0);
ALTER TABLE "payment" ADD CONSTRAINT "payment_amount_positive" CHECK ("amountTenge" > 0);
ALTER TABLE "payment" ADD CONSTRAINT "payment_months_range" CHECK ("months" IS NULL OR "months" BETWEEN 1 AND 12);
ALTER TABLE "note" ADD CONSTRAINT "note_body_length" CHECK (char_length("body") BETWEEN 1 AND 4000);
ALTER TABLE "duplicate_check" ADD CONSTRAINT "duplicate_check_similarity_range" CHECK ("similarity" BETWEEN 0 AND 1);
