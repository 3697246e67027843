-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "blockerKind" TEXT,
ADD COLUMN     "blockerUnit" TEXT;
