-- CreateIndex
CREATE INDEX "family_applicationDate_idx" ON "family"("applicationDate");

