-- AlterTable
ALTER TABLE "Target" ADD COLUMN     "nonIndustryAgreedWan" INTEGER;
