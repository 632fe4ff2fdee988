// Sessions end on the server: a signed-out session's cookie, a session of a person who signed out
// everywhere, a session idle for longer than the idle timeout or older than the absolute lifetime and a
// deactivated person's session are all refused, whatever copy of the cookie is sent.
import { describe, expect, it } from "vitest";
import { endAllSessions, endSession, endSessionsOf } from "@/lib/db/users/end-session";
import { loadSessionUser } from "@/lib/db/users/load-session-user";
import { startSession } from "@/lib/db/users/start-session";
import { DEFAULT_SESSION_LIFETIME } from "@/lib/domain/session-lifetime";
import { crossRegionTest } from "./cross-region";
import { AKMOLA, createStaffUser, PAVLODAR, prisma, sessionOf } from "./fixtures";

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

describe("sessions", () => {
  it("refuses a signed-out session's cookie and keeps the person's other sessions", async () => {
    const user = await createStaffUser(prisma, "CASEWORKER", PAVLODAR);
    const laptop = await sessionOf(user);
    const phone = await sessionOf(user);
    expect((await loadSessionUser(laptop)).user).toMatchObject({
      id: user.id,
      role: "CASEWORKER",
      regionId: PAVLODAR,
      sessionId: laptop.sessionId,
    });

    await endSession(laptop);
    expect(await loadSessionUser(laptop)).toEqual({ user: null, ended: "signedOut" });
    expect((await loadSessionUser(phone)).user?.id).toBe(user.id);
    // Signing out twice (two tabs) is harmless.
    await endSession(laptop);
    expect(await prisma.auditLog.count({ where: { action: "auth.logout", entityId: String(user.id) } })).toBe(2);
  });

  it("refuses a cookie whose session the server never started (forged or from before an upgrade)", async () => {
    const user = await createStaffUser(prisma, "CASEWORKER", PAVLODAR);
    const session = await sessionOf(user);
    expect(await loadSessionUser({ ...session, sessionId: crypto.randomUUID() })).toEqual({
      user: null,
      ended: "signedOut",
    });
    // Another person's session id in a cookie naming this person is no session of theirs.
    const other = await sessionOf(await createStaffUser(prisma, "CASEWORKER", PAVLODAR));
    expect(await loadSessionUser({ ...session, sessionId: other.sessionId })).toEqual({
      user: null,
      ended: "signedOut",
    });
  });

  it("ends a session left idle for the idle timeout, and one older than the absolute lifetime", async () => {
    const user = await createStaffUser(prisma, "CASEWORKER", AKMOLA);
    const idleMinutes = DEFAULT_SESSION_LIFETIME.idleMinutes;
    const idle = await sessionOf(user, 0, { startedAt: minutesAgo(60), lastSeenAt: minutesAgo(idleMinutes) });
    expect(await loadSessionUser(idle)).toEqual({ user: null, ended: "idle" });

    const busy = await sessionOf(user, 0, { startedAt: minutesAgo(60), lastSeenAt: minutesAgo(idleMinutes - 2) });
    expect((await loadSessionUser(busy)).user?.id).toBe(user.id);

    const old = await sessionOf(user, 0, {
      startedAt: minutesAgo(DEFAULT_SESSION_LIFETIME.absoluteHours * 60),
      lastSeenAt: minutesAgo(1),
    });
    expect(await loadSessionUser(old)).toEqual({ user: null, ended: "expired" });
  });

  it("records a request as the session's last at most once a minute, which keeps a working session alive", async () => {
    const user = await createStaffUser(prisma, "CASEWORKER", AKMOLA);
    const session = await sessionOf(user, 0, { lastSeenAt: minutesAgo(20) });
    await loadSessionUser(session);
    const touched = await prisma.staffSession.findUniqueOrThrow({ where: { id: session.sessionId } });
    expect(touched.lastSeenAt.getTime()).toBeGreaterThan(minutesAgo(1).getTime());

    // Twenty minutes later by the clock of the request, the session is still good (30 minutes from the touch).
    const later = new Date(touched.lastSeenAt.getTime() + 20 * 60_000);
    expect((await loadSessionUser(session, later)).user?.id).toBe(user.id);
    await loadSessionUser(session, new Date(touched.lastSeenAt.getTime() + 30_000));
    const untouched = await prisma.staffSession.findUniqueOrThrow({ where: { id: session.sessionId } });
    expect(untouched.lastSeenAt.getTime()).toBe(later.getTime());
  });

  it("starts a session with a row of its own and drops rows older than any lifetime", async () => {
    const user = await createStaffUser(prisma, "CASEWORKER", PAVLODAR);
    const ancient = await sessionOf(user, 0, { startedAt: minutesAgo(25 * 60), lastSeenAt: minutesAgo(25 * 60) });
    const sessionId = await startSession(user.id);
    expect((await loadSessionUser({ userId: user.id, sessionId, generation: 0 })).user?.id).toBe(user.id);
    expect(await prisma.staffSession.count({ where: { id: ancient.sessionId } })).toBe(0);
  });

  it("ends every session of a person who signs out everywhere; a new sign-in works", async () => {
    const user = await createStaffUser(prisma, "COORDINATOR", AKMOLA);
    const sessions = [await sessionOf(user), await sessionOf(user)];
    await endAllSessions(user);
    for (const session of sessions) expect(await loadSessionUser(session)).toEqual({ user: null, ended: "signedOut" });
    expect((await loadSessionUser(await sessionOf(user))).user?.id).toBe(user.id);
  });

  it("ends the other sessions of a person and keeps the one that made the change", async () => {
    const user = await createStaffUser(prisma, "CASEWORKER", AKMOLA);
    const [current, other] = [await sessionOf(user), await sessionOf(user)];
    await prisma.$transaction((tx) => endSessionsOf(tx, user.id, { exceptSessionId: current.sessionId }));
    expect((await loadSessionUser(current)).user?.id).toBe(user.id);
    expect(await loadSessionUser(other)).toEqual({ user: null, ended: "signedOut" });
  });

  it("tells a deactivated person's session apart from a signed-out one", async () => {
    const user = await createStaffUser(prisma, "ANALYST");
    const session = await sessionOf(user);
    await prisma.user.update({ where: { id: user.id }, data: { isActive: false } });
    expect(await loadSessionUser(session)).toEqual({ user: null, ended: "deactivated" });
  });

  crossRegionTest(endAllSessions, "ends only the acting person's own sessions, never a colleague's", async () => {
    const coordinator = await createStaffUser(prisma, "COORDINATOR", PAVLODAR);
    const caseworker = await createStaffUser(prisma, "CASEWORKER", PAVLODAR);
    const colleague = await sessionOf(caseworker);
    await endAllSessions(coordinator);
    expect((await loadSessionUser(colleague)).user?.id).toBe(caseworker.id);
    const audit = await prisma.auditLog.findFirst({
      where: { action: "auth.logout.everywhere", actorId: coordinator.id },
    });
    expect(audit?.entityId).toBe(String(coordinator.id));
  });
});
