-- CreateTable
CREATE TABLE "JobRun" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "job" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "claimedBy" TEXT NOT NULL,
    "claimedAt" DATETIME NOT NULL,
    "leaseUntil" DATETIME NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "doneAt" DATETIME,
    "error" TEXT,
    "progress" TEXT NOT NULL DEFAULT '{}'
);

-- CreateTable
CREATE TABLE "OverduePing" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "groupId" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "messageTs" TEXT,
    "projectIds" TEXT NOT NULL,
    "acknowledgedBy" TEXT,
    "acknowledgedAt" DATETIME,
    "escalatedAt" DATETIME
);

-- CreateTable
CREATE TABLE "PingMute" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "until" TEXT NOT NULL
);

-- CreateIndex
CREATE INDEX "JobRun_job_status_idx" ON "JobRun"("job", "status");

-- CreateIndex
CREATE UNIQUE INDEX "JobRun_job_period_key" ON "JobRun"("job", "period");

-- CreateIndex
CREATE INDEX "OverduePing_channelId_messageTs_idx" ON "OverduePing"("channelId", "messageTs");

-- CreateIndex
CREATE UNIQUE INDEX "OverduePing_groupId_day_key" ON "OverduePing"("groupId", "day");

