-- AlterTable
ALTER TABLE "family" ADD COLUMN     "assignedToId" INTEGER;

-- CreateTable
CREATE TABLE "case_assignment" (
    "id" SERIAL NOT NULL,
    "familyId" INTEGER NOT NULL,
    "fromUserId" INTEGER,
    "toUserId" INTEGER NOT NULL,
    "actorId" INTEGER NOT NULL,
    "reason" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_task" (
    "id" SERIAL NOT NULL,
    "familyId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "dueDate" DATE NOT NULL,
    "assigneeId" INTEGER,
    "ruleKey" VARCHAR(80),
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "doneAt" TIMESTAMP(3),
    "doneById" INTEGER,

    CONSTRAINT "case_task_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "case_assignment_familyId_at_idx" ON "case_assignment"("familyId", "at");

-- CreateIndex
CREATE INDEX "case_task_assigneeId_doneAt_idx" ON "case_task"("assigneeId", "doneAt");

-- CreateIndex
CREATE INDEX "case_task_familyId_doneAt_idx" ON "case_task"("familyId", "doneAt");

-- CreateIndex
CREATE UNIQUE INDEX "case_task_familyId_ruleKey_key" ON "case_task"("familyId", "ruleKey");

-- CreateIndex
CREATE INDEX "family_assignedToId_status_idx" ON "family"("assignedToId", "status");

-- AddForeignKey
ALTER TABLE "family" ADD CONSTRAINT "family_assignedToId_fkey" FOREIGN KEY ("assignedToId") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_assignment" ADD CONSTRAINT "case_assignment_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_assignment" ADD CONSTRAINT "case_assignment_fromUserId_fkey" FOREIGN KEY ("fromUserId") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_assignment" ADD CONSTRAINT "case_assignment_toUserId_fkey" FOREIGN KEY ("toUserId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_assignment" ADD CONSTRAINT "case_assignment_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_task" ADD CONSTRAINT "case_task_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_task" ADD CONSTRAINT "case_task_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_task" ADD CONSTRAINT "case_task_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_task" ADD CONSTRAINT "case_task_doneById_fkey" FOREIGN KEY ("doneById") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Existing cases belong to the person who registered them.
UPDATE "family" SET "assignedToId" = "createdById" WHERE "assignedToId" IS NULL;
