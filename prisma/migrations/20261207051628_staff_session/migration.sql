-- DropForeignKey
ALTER TABLE "ended_session" DROP CONSTRAINT "ended_session_userId_fkey";

-- DropTable
DROP TABLE "ended_session";

-- CreateTable
CREATE TABLE "staff_session" (
    "id" UUID NOT NULL,
    "userId" INTEGER NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "staff_session_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "staff_session_userId_idx" ON "staff_session"("userId");

-- CreateIndex
CREATE INDEX "staff_session_startedAt_idx" ON "staff_session"("startedAt");

-- AddForeignKey
ALTER TABLE "staff_session" ADD CONSTRAINT "staff_session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

