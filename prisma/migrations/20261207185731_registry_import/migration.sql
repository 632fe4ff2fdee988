-- CreateEnum
CREATE TYPE "ImportState" AS ENUM ('UPLOADED', 'CHECKING', 'CHECKED', 'COMMITTING', 'COMMITTED', 'FAILED', 'DISCARDED', 'UNDONE');

-- CreateEnum
CREATE TYPE "ImportFormat" AS ENUM ('CSV', 'XLSX');

-- CreateTable
CREATE TABLE "registry_import" (
    "id" SERIAL NOT NULL,
    "fileName" VARCHAR(255) NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "format" "ImportFormat" NOT NULL,
    "sheet" INTEGER NOT NULL DEFAULT 1,
    "mapping" JSONB,
    "regionId" VARCHAR(8),
    "state" "ImportState" NOT NULL DEFAULT 'UPLOADED',
    "error" VARCHAR(64),
    "rowsTotal" INTEGER,
    "rowsDone" INTEGER NOT NULL DEFAULT 0,
    "familiesValid" INTEGER,
    "personsValid" INTEGER,
    "rowsRejected" INTEGER,
    "problemCounts" JSONB,
    "familiesImported" INTEGER NOT NULL DEFAULT 0,
    "personsImported" INTEGER NOT NULL DEFAULT 0,
    "familiesSkipped" INTEGER NOT NULL DEFAULT 0,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "phaseStartedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "undoneById" INTEGER,
    "undoneAt" TIMESTAMP(3),

    CONSTRAINT "registry_import_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_file_chunk" (
    "importId" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,

    CONSTRAINT "import_file_chunk_pkey" PRIMARY KEY ("importId","seq")
);

-- CreateTable
CREATE TABLE "import_family" (
    "sha256" CHAR(64) NOT NULL,
    "familyKey" VARCHAR(64) NOT NULL,
    "importId" INTEGER NOT NULL,
    "familyId" INTEGER NOT NULL,

    CONSTRAINT "import_family_pkey" PRIMARY KEY ("sha256","familyKey")
);

-- CreateTable
CREATE TABLE "import_rejected_row" (
    "importId" INTEGER NOT NULL,
    "rowNumber" INTEGER NOT NULL,
    "cells" JSONB NOT NULL,
    "problems" JSONB NOT NULL,

    CONSTRAINT "import_rejected_row_pkey" PRIMARY KEY ("importId","rowNumber")
);

-- CreateTable
CREATE TABLE "import_mapping" (
    "id" SERIAL NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "columns" JSONB NOT NULL,
    "createdById" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "import_mapping_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "registry_import_sha256_idx" ON "registry_import"("sha256");

-- CreateIndex
CREATE INDEX "registry_import_regionId_createdAt_idx" ON "registry_import"("regionId", "createdAt");

-- CreateIndex
CREATE INDEX "registry_import_createdAt_idx" ON "registry_import"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "import_family_familyId_key" ON "import_family"("familyId");

-- CreateIndex
CREATE INDEX "import_family_importId_idx" ON "import_family"("importId");

-- CreateIndex
CREATE UNIQUE INDEX "import_mapping_name_key" ON "import_mapping"("name");

-- AddForeignKey
ALTER TABLE "registry_import" ADD CONSTRAINT "registry_import_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "registry_import" ADD CONSTRAINT "registry_import_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "registry_import" ADD CONSTRAINT "registry_import_undoneById_fkey" FOREIGN KEY ("undoneById") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_file_chunk" ADD CONSTRAINT "import_file_chunk_importId_fkey" FOREIGN KEY ("importId") REFERENCES "registry_import"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_family" ADD CONSTRAINT "import_family_importId_fkey" FOREIGN KEY ("importId") REFERENCES "registry_import"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_family" ADD CONSTRAINT "import_family_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_rejected_row" ADD CONSTRAINT "import_rejected_row_importId_fkey" FOREIGN KEY ("importId") REFERENCES "registry_import"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_mapping" ADD CONSTRAINT "import_mapping_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

