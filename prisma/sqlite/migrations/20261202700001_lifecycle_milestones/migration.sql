-- AlterTable
ALTER TABLE "Project" ADD COLUMN "landAt" TEXT;
ALTER TABLE "Project" ADD COLUMN "followOnOfId" INTEGER;
ALTER TABLE "Project" ADD COLUMN "followOnKind" TEXT;

-- CreateIndex
CREATE INDEX "Project_followOnOfId_idx" ON "Project"("followOnOfId");
