import type { StaffRole } from "@/lib/domain/permissions";

declare module "next-auth" {
  interface User {
    id: string;
    role: StaffRole;
    regionId: string | null;
    sessionGeneration: number;
  }
  interface Session {
    user: { id: number; role: StaffRole; regionId: string | null; sessionId?: string; generation?: number };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    userId: number;
    role: StaffRole;
    regionId: string | null;
    /** This session's id; cookies issued before sessions had ids carry none and count as signed out. */
    sessionId?: string;
    /** The person's session generation at sign-in. */
    generation?: number;
  }
}
