-- CreateTable
CREATE TABLE "JobRun" (
    "id" SERIAL NOT NULL,
    "job" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "claimedBy" TEXT NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL,
    "leaseUntil" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "doneAt" TIMESTAMP(3),
    "error" TEXT,
    "progress" TEXT NOT NULL DEFAULT '{}',

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OverduePing" (
    "id" SERIAL NOT NULL,
    "groupId" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "messageTs" TEXT,
    "projectIds" TEXT NOT NULL,
    "acknowledgedBy" TEXT,
    "acknowledgedAt" TIMESTAMP(3),
    "escalatedAt" TIMESTAMP(3),

    CONSTRAINT "OverduePing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PingMute" (
    "userId" TEXT NOT NULL,
    "until" TEXT NOT NULL,

    CONSTRAINT "PingMute_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE INDEX "JobRun_job_status_idx" ON "JobRun"("job", "status");

-- CreateIndex
CREATE UNIQUE INDEX "JobRun_job_period_key" ON "JobRun"("job", "period");

-- CreateIndex
CREATE INDEX "OverduePing_channelId_messageTs_idx" ON "OverduePing"("channelId", "messageTs");

-- CreateIndex
CREATE UNIQUE INDEX "OverduePing_groupId_day_key" ON "OverduePing"("groupId", "day");

