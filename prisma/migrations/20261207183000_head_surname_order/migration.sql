-- Hand-written (listed in prisma/manual-objects.json): the family list sorted by the head's surname,
-- then given name, in Kazakh alphabetical order (decision 026). Only heads are indexed, one per family;
-- "familyId" last makes the order total, so that a page boundary is exact (keyset pagination).
CREATE INDEX "person_head_surname_order" ON "person" (
  "surnameCyr" COLLATE "kk-x-icu",
  "givenNameCyr" COLLATE "kk-x-icu",
  "familyId"
) WHERE "isHead";
