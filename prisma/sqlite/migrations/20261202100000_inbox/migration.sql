-- CreateTable
CREATE TABLE "InboxEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "deliveryKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL,
    "claimedBy" TEXT,
    "claimedAt" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "doneAt" DATETIME
);

-- CreateIndex
CREATE UNIQUE INDEX "InboxEntry_deliveryKey_key" ON "InboxEntry"("deliveryKey");

-- CreateIndex
CREATE INDEX "InboxEntry_doneAt_idx" ON "InboxEntry"("doneAt");

