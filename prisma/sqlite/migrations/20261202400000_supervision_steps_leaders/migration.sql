-- AlterTable
ALTER TABLE "Project" ADD COLUMN "leaderSlackId" TEXT;

-- CreateTable
CREATE TABLE "SupervisionStep" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "itemId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "by" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "on" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "issue" TEXT,
    "owner" TEXT,
    "deadline" TEXT,
    CONSTRAINT "SupervisionStep_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "SupervisionItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Leader" (
    "slackUserId" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL
);

-- CreateIndex
CREATE INDEX "SupervisionStep_itemId_id_idx" ON "SupervisionStep"("itemId", "id");

-- CreateIndex
CREATE INDEX "SupervisionStep_on_idx" ON "SupervisionStep"("on");

-- CreateIndex
CREATE INDEX "SupervisionItem_status_idx" ON "SupervisionItem"("status");

