/** An IIN entered on the form already belongs to a person in some case. */
export class IinTakenError extends Error {
  constructor(
    /** Per member index: the case that holds the IIN, or null when the user may not see that case. */
    readonly conflicts: { index: number; caseNumber: string | null }[],
  ) {
    super("IIN already registered");
    this.name = "IinTakenError";
  }
}

export type DuplicateCandidate = {
  /** Index of the member on the form who resembles this person. */
  index: number;
  personId: number;
  similarity: number;
  birthDate: string;
  /** Name and case number only when the user may see that case. */
  name: string | null;
  caseNumber: string | null;
  familyId: number | null;
};

/** People with a similar name and the same birth date exist; the user must decide about each. */
export class PossibleDuplicatesError extends Error {
  constructor(readonly candidates: DuplicateCandidate[]) {
    super("possible duplicates");
    this.name = "PossibleDuplicatesError";
  }
}

/** The user confirmed that a member is already registered: nothing is saved. */
export class SamePersonConfirmedError extends Error {
  constructor(readonly caseNumber: string | null) {
    super("person already registered");
    this.name = "SamePersonConfirmedError";
  }
}

/** Somebody saved the family after the editor loaded it. */
export class VersionConflictError extends Error {
  constructor(
    readonly updatedBy: string,
    readonly updatedAt: Date,
  ) {
    super("version conflict");
    this.name = "VersionConflictError";
  }
}

/** A field refers to something that does not exist or is not allowed (region, district, origin). */
export class FieldReferenceError extends Error {
  constructor(
    readonly field: string,
    readonly messageKey: string,
  ) {
    super(`${field}: ${messageKey}`);
    this.name = "FieldReferenceError";
  }
}
