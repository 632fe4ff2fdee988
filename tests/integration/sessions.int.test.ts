// Sessions end on the server: a signed-out session's cookie, a session of a person who signed out
// everywhere and a deactivated person's session are all refused, whatever copy of the cookie is sent.
import { describe, expect, it } from "vitest";
import { endAllSessions, endSession } from "@/lib/db/users/end-session";
import { loadSessionUser } from "@/lib/db/users/load-session-user";
import { crossRegionTest } from "./cross-region";
import { AKMOLA, createStaffUser, PAVLODAR, prisma, sessionOf } from "./fixtures";

const inAnHour = () => new Date(Date.now() + 60 * 60 * 1000);

describe("sessions", () => {
  it("refuses a signed-out session's cookie and keeps the person's other sessions", async () => {
    const user = await createStaffUser(prisma, "CASEWORKER", PAVLODAR);
    const laptop = sessionOf(user);
    const phone = sessionOf(user);
    expect((await loadSessionUser(laptop)).user).toMatchObject({ id: user.id, role: "CASEWORKER", regionId: PAVLODAR });

    await endSession(laptop, inAnHour());
    expect(await loadSessionUser(laptop)).toEqual({ user: null, ended: "signedOut" });
    expect((await loadSessionUser(phone)).user?.id).toBe(user.id);
    // Signing out twice (two tabs) is harmless.
    await endSession(laptop, inAnHour());
    expect(await prisma.auditLog.count({ where: { action: "auth.logout", entityId: String(user.id) } })).toBe(2);
  });

  it("drops the rows of sessions that have expired anyway", async () => {
    const user = await createStaffUser(prisma, "CASEWORKER", PAVLODAR);
    const expired = sessionOf(user);
    await endSession(expired, new Date(Date.now() - 1000));
    await endSession(sessionOf(user), inAnHour());
    expect(await prisma.endedSession.count({ where: { sessionId: expired.sessionId } })).toBe(0);
  });

  it("ends every session of a person who signs out everywhere; a new sign-in works", async () => {
    const user = await createStaffUser(prisma, "COORDINATOR", AKMOLA);
    const sessions = [sessionOf(user), sessionOf(user)];
    await endAllSessions(user);
    for (const session of sessions) expect(await loadSessionUser(session)).toEqual({ user: null, ended: "signedOut" });
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionGeneration: true } });
    expect((await loadSessionUser(sessionOf(user, row.sessionGeneration))).user?.id).toBe(user.id);
  });

  it("tells a deactivated person's session apart from a signed-out one", async () => {
    const user = await createStaffUser(prisma, "ANALYST");
    const session = sessionOf(user);
    await prisma.user.update({ where: { id: user.id }, data: { isActive: false } });
    expect(await loadSessionUser(session)).toEqual({ user: null, ended: "deactivated" });
  });

  crossRegionTest(endAllSessions, "ends only the acting person's own sessions, never a colleague's", async () => {
    const coordinator = await createStaffUser(prisma, "COORDINATOR", PAVLODAR);
    const caseworker = await createStaffUser(prisma, "CASEWORKER", PAVLODAR);
    const colleague = sessionOf(caseworker);
    await endAllSessions(coordinator);
    expect((await loadSessionUser(colleague)).user?.id).toBe(caseworker.id);
    const audit = await prisma.auditLog.findFirst({
      where: { action: "auth.logout.everywhere", actorId: coordinator.id },
    });
    expect(audit?.entityId).toBe(String(coordinator.id));
  });
});
