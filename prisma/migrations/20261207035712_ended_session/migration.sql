-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "sessionGeneration" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "ended_session" (
    "sessionId" UUID NOT NULL,
    "userId" INTEGER NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ended_session_pkey" PRIMARY KEY ("sessionId")
);

-- CreateIndex
CREATE INDEX "ended_session_expiresAt_idx" ON "ended_session"("expiresAt");

-- AddForeignKey
ALTER TABLE "ended_session" ADD CONSTRAINT "ended_session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

