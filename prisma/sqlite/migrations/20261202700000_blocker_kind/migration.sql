-- AlterTable
ALTER TABLE "Project" ADD COLUMN "blockerKind" TEXT;
ALTER TABLE "Project" ADD COLUMN "blockerUnit" TEXT;
