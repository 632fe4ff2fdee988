import type { StaffRole } from "@/lib/domain/access";

declare module "next-auth" {
  interface User {
    id: string;
    role: StaffRole;
    regionId: string | null;
  }
  interface Session {
    user: { id: number; role: StaffRole; regionId: string | null };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    userId: number;
    role: StaffRole;
    regionId: string | null;
  }
}
