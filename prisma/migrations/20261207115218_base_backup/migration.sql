-- CreateTable
CREATE TABLE "base_backup" (
    "id" SERIAL NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "method" VARCHAR(16) NOT NULL,
    "location" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3) NOT NULL,
    "bytes" BIGINT NOT NULL,

    CONSTRAINT "base_backup_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "base_backup_finishedAt_idx" ON "base_backup"("finishedAt");

