-- CreateTable
CREATE TABLE "waitlist_entry" (
    "id" SERIAL NOT NULL,
    "familyId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "waitlist_entry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "waitlist_entry_year_familyId_idx" ON "waitlist_entry"("year", "familyId");

-- CreateIndex
CREATE UNIQUE INDEX "waitlist_entry_familyId_year_key" ON "waitlist_entry"("familyId", "year");

-- AddForeignKey
ALTER TABLE "waitlist_entry" ADD CONSTRAINT "waitlist_entry_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "family"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "waitlist_entry" ADD CONSTRAINT "waitlist_entry_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written (prisma/manual-objects.json): the same year range as the quota table.
ALTER TABLE "waitlist_entry" ADD CONSTRAINT "waitlist_entry_year_range" CHECK ("year" BETWEEN 1991 AND 2100);
