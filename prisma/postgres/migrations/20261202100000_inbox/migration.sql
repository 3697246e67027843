-- CreateTable
CREATE TABLE "InboxEntry" (
    "id" SERIAL NOT NULL,
    "deliveryKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "claimedBy" TEXT,
    "claimedAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "doneAt" TIMESTAMP(3),

    CONSTRAINT "InboxEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "InboxEntry_deliveryKey_key" ON "InboxEntry"("deliveryKey");

-- CreateIndex
CREATE INDEX "InboxEntry_doneAt_idx" ON "InboxEntry"("doneAt");

