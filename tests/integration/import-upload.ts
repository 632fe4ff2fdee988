// A CSV registry file uploaded for import by a test, as its lines (the import's integration tests).
import { storeImportFile } from "@/lib/db/import/import-file";
import type { StaffActor } from "./fixtures";

export async function uploadCsv(actor: StaffActor, lines: string[]) {
  const bytes = new TextEncoder().encode(lines.join("\n"));
  return storeImportFile(actor, {
    fileName: "registry.csv",
    content: (async function* () {
      yield bytes;
    })(),
  });
}
