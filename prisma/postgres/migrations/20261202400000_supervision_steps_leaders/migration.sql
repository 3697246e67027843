-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "leaderSlackId" TEXT;

-- CreateTable
CREATE TABLE "SupervisionStep" (
    "id" SERIAL NOT NULL,
    "itemId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "by" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "on" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "issue" TEXT,
    "owner" TEXT,
    "deadline" TEXT,

    CONSTRAINT "SupervisionStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Leader" (
    "slackUserId" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Leader_pkey" PRIMARY KEY ("slackUserId")
);

-- CreateIndex
CREATE INDEX "SupervisionStep_itemId_id_idx" ON "SupervisionStep"("itemId", "id");

-- CreateIndex
CREATE INDEX "SupervisionStep_on_idx" ON "SupervisionStep"("on");

-- CreateIndex
CREATE INDEX "SupervisionItem_status_idx" ON "SupervisionItem"("status");

-- AddForeignKey
ALTER TABLE "SupervisionStep" ADD CONSTRAINT "SupervisionStep_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "SupervisionItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

