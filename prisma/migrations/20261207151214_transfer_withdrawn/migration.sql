-- AlterEnum
ALTER TYPE "TransferStatus" ADD VALUE 'WITHDRAWN';

