export * from "./random";
export * from "./family";
export * from "./prisma-data";
export * from "./bulk";
export * from "./bulk-generator";
