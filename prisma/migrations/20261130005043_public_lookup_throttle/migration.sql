-- CreateTable
CREATE TABLE "lookup_throttle" (
    "key" VARCHAR(160) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lookup_throttle_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "lookup_throttle_windowStart_idx" ON "lookup_throttle"("windowStart");

