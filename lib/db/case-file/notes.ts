import "server-only";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/audit";
import { findFamilyInScope } from "@/lib/db/case-file/family-in-scope";
import type { Actor } from "@/lib/domain/permissions";
import type { NoteInput } from "@/lib/validation/case-file";

/** Adds a free-text note to a family in scope; the audit entry records its length, not its text. */
export async function addNote(actor: Actor, input: NoteInput): Promise<{ id: number; createdAt: Date }> {
  return db().$transaction(async (tx) => {
    const family = await findFamilyInScope(tx, actor, input.familyId, "note.create");
    const note = await tx.note.create({
      data: { familyId: family.id, authorId: actor.id, body: input.body },
      select: { id: true, createdAt: true },
    });
    await recordAudit(
      {
        actor,
        action: "note.create",
        entity: "note",
        entityId: note.id,
        regionId: family.targetRegionId,
        details: { familyId: family.id, length: input.body.length },
      },
      tx,
    );
    return note;
  });
}
