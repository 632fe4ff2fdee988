/**
 * What the audit log's actions mean to a reader: the area each belongs to, its label (a key under
 * `audit.action` in the catalogues) and whether the entry records a refused request. Every action the
 * code writes is listed here; lib/i18n/audit-actions.test.ts reads the sources and fails for one that
 * is not, so a new audit entry cannot reach the audit viewer without words.
 */

/** Areas of the system, in the order the audit viewer's action filter groups them (`audit.area.<area>`). */
export const AUDIT_AREAS = [
  "families",
  "quotas",
  "reports",
  "staff",
  "settings",
  "publicLookup",
  "audit",
  "system",
] as const;

export type AuditArea = (typeof AUDIT_AREAS)[number];

type ActionInfo = { area: AuditArea; label: string };

const action = (area: AuditArea, label: string): ActionInfo => ({ area, label });

/**
 * Every action the code writes, with its area and label key. Refusals written as `<action>.denied` by
 * the shared helpers (auditFamilyView, findFamilyInScope, the waitlist) take the label of `<action>`;
 * the outcome column says that they were refused.
 */
export const AUDIT_ACTIONS = {
  "family.create": action("families", "familyCreate"),
  "family.update": action("families", "familyUpdate"),
  "family.view": action("families", "familyView"),
  "family.receipt.view": action("families", "familyReceiptView"),
  "family.summary.view": action("families", "familySummaryView"),
  "family.decision-letter.view": action("families", "familyDecisionLetterView"),
  "family.list": action("families", "familyList"),
  "family.transition": action("families", "familyTransition"),
  "family.transition.override": action("families", "familyTransitionOverride"),
  "family.duplicate.same-person": action("families", "familyDuplicateSamePerson"),
  "family.duplicate.dismissed": action("families", "familyDuplicateDismissed"),
  "casefile.view": action("families", "casefileView"),
  "family.transfer.propose": action("families", "transferPropose"),
  "family.transfer.accept": action("families", "transferAccept"),
  "family.transfer.decline": action("families", "transferDecline"),
  "family.transfer.withdraw": action("families", "transferWithdraw"),
  "family.transfer.list": action("families", "transferList"),
  "import.upload": action("families", "importUpload"),
  "import.check": action("families", "importCheck"),
  "import.commit": action("families", "importCommit"),
  "family.import": action("families", "familyImport"),
  "note.create": action("families", "noteCreate"),
  "case.assign": action("families", "caseAssign"),
  "task.create": action("families", "taskCreate"),
  "task.complete": action("families", "taskComplete"),
  "document.update": action("families", "documentUpdate"),
  "document.checklist.create": action("families", "documentChecklistCreate"),
  "document_file.upload": action("families", "documentFileUpload"),
  "document_file.download": action("families", "documentFileDownload"),
  "payment.create": action("families", "paymentCreate"),
  "family.extend_status": action("families", "familyExtendStatus"),
  "family.expire_lapsed": action("families", "familyExpireLapsed"),
  "payment.reverse": action("families", "paymentReverse"),
  "document_file.replace": action("families", "documentFileReplace"),
  "document_file.withdraw": action("families", "documentFileWithdraw"),
  "adaptation_plan.create": action("families", "adaptationPlanCreate"),
  "adaptation_plan.update": action("families", "adaptationPlanUpdate"),
  "quota.allocate": action("quotas", "quotaAllocate"),
  "quota.allocate.reactivated": action("quotas", "quotaAllocateReactivated"),
  "quota.release": action("quotas", "quotaRelease"),
  "quota.allocation.adjust": action("quotas", "quotaAllocationAdjust"),
  "quota.order.create": action("quotas", "quotaOrderCreate"),
  "quota.order.amend": action("quotas", "quotaOrderAmend"),
  "quota.waitlist.add": action("quotas", "waitlistAdd"),
  "quota.waitlist.remove": action("quotas", "waitlistRemove"),
  "quota.waitlist.view": action("quotas", "waitlistView"),
  "report.export": action("reports", "reportExport"),
  "report.processing.overdue.view": action("reports", "overdueView"),
  "quota.report.drilldown.view": action("reports", "drilldownView"),
  // The refused drill-down is written as `…drilldown.denied`, not `…drilldown.view.denied`.
  "quota.report.drilldown.denied": action("reports", "drilldownView"),
  "auth.login": action("staff", "login"),
  "auth.login.failed": action("staff", "loginFailed"),
  "auth.login.throttled": action("staff", "loginThrottled"),
  "auth.login.deactivated": action("staff", "loginDeactivated"),
  "auth.logout": action("staff", "logout"),
  "auth.logout.everywhere": action("staff", "logoutEverywhere"),
  "user.list": action("staff", "userList"),
  "user.activate": action("staff", "userActivate"),
  "user.deactivate": action("staff", "userDeactivate"),
  "setting.update": action("settings", "settingUpdate"),
  "user.create": action("staff", "userCreate"),
  "user.view": action("staff", "userView"),
  "user.assignment.change": action("staff", "userAssignmentChange"),
  "user.password.reset": action("staff", "userPasswordReset"),
  "user.password.change": action("staff", "userPasswordChange"),
  "user.password.change.refused": action("staff", "userPasswordChange"),
  "account.link.issue": action("staff", "accountLinkIssue"),
  "account.link.view": action("staff", "accountLinkView"),
  "account.link.use": action("staff", "accountLinkUse"),
  "account.link.refused": action("staff", "accountLinkIssue"),
  "auth.mfa.enrol": action("staff", "mfaEnrol"),
  "auth.mfa.reset": action("staff", "mfaReset"),
  "auth.mfa.recoveryCodeUsed": action("staff", "mfaRecoveryCodeUsed"),
  "auth.mfa.recoveryCodesRenewed": action("staff", "mfaRecoveryCodesRenewed"),
  "auth.mfa.recoveryCodesRenewed.refused": action("staff", "mfaRecoveryCodesRenewed"),
  "setting.withdraw": action("settings", "settingWithdraw"),
  "setting.mci.update": action("settings", "settingMciUpdate"),
  "public.lookup": action("publicLookup", "publicLookup"),
  "audit.view": action("audit", "auditView"),
  "audit.export": action("audit", "auditExport"),
  // Written only as `access.denied`: a page, action or download the actor's role may not use.
  access: action("system", "access"),
  seed: action("system", "seed"),
  generate: action("system", "generate"),
} as const satisfies Record<string, ActionInfo>;

export type KnownAuditAction = keyof typeof AUDIT_ACTIONS;

/**
 * The last segment of an action that was refused: access outside the scope (`.denied`), a wrong
 * password (`.failed`), a lock after too many attempts (`.throttled`), a deactivated account
 * (`.deactivated`) and a generic `.refused`. `quota.allocate.reactivated` is no refusal: segments are
 * compared whole.
 */
export const REFUSAL_SUFFIXES = ["denied", "failed", "throttled", "deactivated", "refused"] as const;

/**
 * The public status page writes one action, `public.lookup`, and says in `details.outcome` whether the
 * family's status was shown (`hit`), the case number and secret did not match (`miss`) or the limit
 * of attempts was reached (`limited`). The last two are refused requests.
 */
export const PUBLIC_LOOKUP_ACTION = "public.lookup";
export const PUBLIC_LOOKUP_REFUSED_OUTCOMES = ["miss", "limited"] as const;

export type AuditOutcome = "succeeded" | "refused";

const REFUSAL_PATTERN = new RegExp(`\\.(?:${REFUSAL_SUFFIXES.join("|")})$`);

/** Whether the action's name says the request was refused (its last segment is a refusal suffix). */
export function isRefusalAction(action: string): boolean {
  return REFUSAL_PATTERN.test(action);
}

/** Whether an entry records a refused request, from its action and its stored details (`changes`). */
export function auditOutcome(action: string, details: unknown): AuditOutcome {
  if (isRefusalAction(action)) return "refused";
  if (action === PUBLIC_LOOKUP_ACTION && details !== null && typeof details === "object") {
    const outcome = (details as { outcome?: unknown }).outcome;
    if ((PUBLIC_LOOKUP_REFUSED_OUTCOMES as readonly unknown[]).includes(outcome)) return "refused";
  }
  return "succeeded";
}

const isKnown = (action: string): action is KnownAuditAction => Object.hasOwn(AUDIT_ACTIONS, action);

/** The area of an action's first segment, for actions not (yet) in the list. */
const AREA_OF_PREFIX: Record<string, AuditArea> = {
  family: "families",
  casefile: "families",
  note: "families",
  document: "families",
  document_file: "families",
  payment: "families",
  adaptation_plan: "families",
  quota: "quotas",
  report: "reports",
  auth: "staff",
  user: "staff",
  setting: "settings",
  public: "publicLookup",
  audit: "audit",
};

/**
 * How the viewer names an action: the label key of a listed action (a refusal of a listed action
 * takes that action's label), or, for an action written by code newer than this list, only its area;
 * `isListed` false tells the page to show the action's code beside the area.
 */
export function describeAction(
  action: string,
): { isListed: true; label: string; area: AuditArea } | { isListed: false; area: AuditArea | null } {
  if (isKnown(action)) return { isListed: true, ...AUDIT_ACTIONS[action] };
  const base = action.replace(REFUSAL_PATTERN, "");
  if (base !== action && isKnown(base)) return { isListed: true, ...AUDIT_ACTIONS[base] };
  const first = action.split(".")[0] ?? "";
  return { isListed: false, area: Object.hasOwn(AREA_OF_PREFIX, first) ? AREA_OF_PREFIX[first]! : null };
}

/**
 * The actions the viewer's filter offers, by area: every listed action that is not itself a refusal
 * (choosing an action also finds its refusals; the outcome filter separates them).
 */
export function actionFilterOptions(): { area: AuditArea; actions: KnownAuditAction[] }[] {
  const actions = (Object.keys(AUDIT_ACTIONS) as KnownAuditAction[]).filter((name) => !isRefusalAction(name));
  return AUDIT_AREAS.map((area) => ({ area, actions: actions.filter((name) => AUDIT_ACTIONS[name].area === area) }));
}

/** Whether `action` is one the filter offers. */
export function isFilterAction(action: string): action is KnownAuditAction {
  return isKnown(action) && !isRefusalAction(action);
}

/** What the viewer's action and outcome filters ask for (lib/domain/audit-query.ts). */
export type ActionFilters = { action: string | null; prefix: string | null; outcome: AuditOutcome | null };

/**
 * Of the actions present in the log, those the filters can match, or null when no filter is about the
 * action (every action). A chosen action matches itself and its refusals (`family.view`,
 * `family.view.denied`) but not `family.viewer`; a typed prefix matches any action starting with it;
 * "refused" keeps the refusal actions and the public lookup, whose outcome is in its details (the
 * query checks it), "succeeded" the others and the public lookup too.
 */
export function matchingActions(present: readonly string[], filters: ActionFilters): string[] | null {
  const { action, prefix, outcome } = filters;
  if (!action && !prefix && !outcome) return null;
  return present.filter(
    (name) =>
      (!action || name === action || name.startsWith(`${action}.`)) &&
      (!prefix || name.startsWith(prefix)) &&
      (!outcome || name === PUBLIC_LOOKUP_ACTION || isRefusalAction(name) === (outcome === "refused")),
  );
}
