-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "mfaLastStep" INTEGER;

