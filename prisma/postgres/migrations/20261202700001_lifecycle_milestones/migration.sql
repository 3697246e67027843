-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "landAt" TEXT,
ADD COLUMN     "followOnOfId" INTEGER,
ADD COLUMN     "followOnKind" TEXT;

-- CreateIndex
CREATE INDEX "Project_followOnOfId_idx" ON "Project"("followOnOfId");
