import Link from "next/link";

/** The names of a family's head that staff lists show; null when the user may not see them. */
type HeadNames = { surnameCyr: string; givenNameCyr: string; surnameLat: string; givenNameLat: string } | null;

/** A case number that opens the case file. */
export function CaseLink({ familyId, caseNumber }: { familyId: number; caseNumber: string }) {
  return (
    <Link href={`/families/${familyId}`} className="font-mono text-brand-700 underline print:text-inherit">
      {caseNumber}
    </Link>
  );
}

/** The head of a family in a list: the Cyrillic name and, under it, the Latin spelling. */
export function HeadName({ head }: { head: HeadNames }) {
  if (!head) return null;
  return (
    <>
      <span className="block">{`${head.surnameCyr} ${head.givenNameCyr}`}</span>
      <span className="block text-xs text-slate-500">{`${head.surnameLat} ${head.givenNameLat}`}</span>
    </>
  );
}
