-- AlterTable
ALTER TABLE "region" ADD COLUMN     "officeAddressEn" TEXT,
ADD COLUMN     "officeAddressKk" TEXT,
ADD COLUMN     "officeAddressRu" TEXT,
ADD COLUMN     "officeBreak" VARCHAR(32),
ADD COLUMN     "officeHours" VARCHAR(32),
ADD COLUMN     "officePhone" VARCHAR(32);

