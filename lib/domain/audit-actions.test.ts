import { describe, expect, it } from "vitest";
import {
  actionFilterOptions,
  AUDIT_ACTIONS,
  AUDIT_AREAS,
  auditOutcome,
  describeAction,
  isFilterAction,
  isRefusalAction,
  matchingActions,
} from "./audit-actions";

describe("auditOutcome", () => {
  it.each([
    "family.view.denied",
    "casefile.view.denied",
    "note.create.denied",
    "document_file.download.denied",
    "family.transition.denied",
    "quota.waitlist.view.denied",
    "quota.report.drilldown.denied",
    "auth.login.failed",
    "auth.login.throttled",
    "auth.login.deactivated",
    "user.create.refused",
  ])("counts %s as refused", (action) => {
    expect(auditOutcome(action, null)).toBe("refused");
  });

  it.each([
    "family.view",
    "auth.login",
    "auth.logout.everywhere",
    "user.deactivate",
    "quota.allocate.reactivated",
    "family.duplicate.dismissed",
    "setting.update",
    "seed",
  ])("counts %s as succeeded", (action) => {
    expect(auditOutcome(action, { changes: { isActive: { from: true, to: false } } })).toBe("succeeded");
  });

  it("compares whole segments: an action merely ending in the same letters is no refusal", () => {
    expect(isRefusalAction("quota.allocate.reactivated")).toBe(false);
    expect(isRefusalAction("report.undenied")).toBe(false);
    expect(isRefusalAction("denied")).toBe(false);
    expect(isRefusalAction("x.denied")).toBe(true);
  });

  it("reads the public lookup's outcome from its details: a miss and a limit are refused, a hit is not", () => {
    expect(auditOutcome("public.lookup", { outcome: "hit", secretKind: "iin" })).toBe("succeeded");
    expect(auditOutcome("public.lookup", { outcome: "miss", secretKind: "iin", reason: "secret" })).toBe("refused");
    expect(auditOutcome("public.lookup", { outcome: "limited", secretKind: "birthDate" })).toBe("refused");
    expect(auditOutcome("public.lookup", null)).toBe("succeeded");
    expect(auditOutcome("family.view", { outcome: "miss" })).toBe("succeeded");
  });
});

describe("describeAction", () => {
  it("names a listed action by its own label", () => {
    expect(describeAction("family.view")).toEqual({ isListed: true, label: "familyView", area: "families" });
    expect(describeAction("auth.login.failed")).toEqual({ isListed: true, label: "loginFailed", area: "staff" });
  });

  it("names the refusal of a listed action by that action's label", () => {
    expect(describeAction("note.create.denied")).toEqual({ isListed: true, label: "noteCreate", area: "families" });
    expect(describeAction("quota.report.drilldown.denied")).toMatchObject({ label: "drilldownView" });
  });

  it("gives an action it does not list only the area of its first segment, or none", () => {
    expect(describeAction("user.archive")).toEqual({ isListed: false, area: "staff" });
    expect(describeAction("document_file.delete.denied")).toEqual({ isListed: false, area: "families" });
    expect(describeAction("something.else")).toEqual({ isListed: false, area: null });
    expect(describeAction("")).toEqual({ isListed: false, area: null });
  });

  it("does not take inherited object properties for actions", () => {
    expect(describeAction("constructor")).toEqual({ isListed: false, area: null });
    expect(describeAction("toString.denied")).toEqual({ isListed: false, area: null });
  });
});

describe("the action filter", () => {
  it("offers every listed action that is not a refusal, each once, grouped by area in the areas' order", () => {
    const options = actionFilterOptions();
    expect(options.map((group) => group.area)).toEqual([...AUDIT_AREAS]);
    const offered = options.flatMap((group) => group.actions);
    expect(new Set(offered).size).toBe(offered.length);
    expect(offered).toContain("family.view");
    expect(offered).toContain("auth.login");
    expect(offered).not.toContain("auth.login.failed");
    expect(offered.length).toBe(Object.keys(AUDIT_ACTIONS).filter((action) => !isRefusalAction(action)).length);
    for (const group of options)
      for (const action of group.actions) expect(AUDIT_ACTIONS[action].area).toBe(group.area);
  });

  it("accepts only the offered actions", () => {
    expect(isFilterAction("family.view")).toBe(true);
    expect(isFilterAction("family.view.denied")).toBe(false);
    expect(isFilterAction("family")).toBe(false);
    expect(isFilterAction("__proto__")).toBe(false);
  });
});

describe("matchingActions", () => {
  const present = [
    "auth.login",
    "auth.login.failed",
    "auth.logout",
    "family.view",
    "family.view.denied",
    "family.viewer",
    "public.lookup",
    "quota.allocate",
    "quota.allocate.reactivated",
    "quota.allocation.adjust",
  ];

  it("asks for every action when no filter is about the action", () => {
    expect(matchingActions(present, { action: null, prefix: null, outcome: null })).toBeNull();
  });

  it("matches a chosen action and its refusals by whole segments", () => {
    expect(matchingActions(present, { action: "family.view", prefix: null, outcome: null })).toEqual([
      "family.view",
      "family.view.denied",
    ]);
    expect(matchingActions(present, { action: "quota.allocate", prefix: null, outcome: null })).toEqual([
      "quota.allocate",
      "quota.allocate.reactivated",
    ]);
  });

  it("matches a typed prefix letter by letter", () => {
    expect(matchingActions(present, { action: null, prefix: "auth.log", outcome: null })).toEqual([
      "auth.login",
      "auth.login.failed",
      "auth.logout",
    ]);
    expect(matchingActions(present, { action: null, prefix: "nothing", outcome: null })).toEqual([]);
  });

  it("keeps the refusals for 'refused' and the rest for 'succeeded', the public lookup in both", () => {
    expect(matchingActions(present, { action: null, prefix: null, outcome: "refused" })).toEqual([
      "auth.login.failed",
      "family.view.denied",
      "public.lookup",
    ]);
    expect(matchingActions(present, { action: "auth.login", prefix: null, outcome: "succeeded" })).toEqual([
      "auth.login",
    ]);
    expect(matchingActions(present, { action: "family.view", prefix: "family", outcome: "refused" })).toEqual([
      "family.view.denied",
    ]);
  });
});
