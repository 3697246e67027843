-- AlterTable
ALTER TABLE "AppliedRequest" ADD COLUMN     "expiresAt" TIMESTAMP(3);

