-- AlterTable
ALTER TABLE "AppliedRequest" ADD COLUMN "expiresAt" DATETIME;

