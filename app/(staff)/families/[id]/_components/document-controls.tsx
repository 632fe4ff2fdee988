"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { DOCUMENT_STATUSES, MAX_DOCUMENT_FILE_BYTES, type DocumentStatus } from "@/lib/domain/documents";
import { setDocumentStatusAction } from "../actions-case-file";

export type DocumentRowFile = { id: number; fileName: string; meta: string };

type Props = {
  familyId: number;
  documentId: number;
  label: string;
  status: DocumentStatus;
  lastChange: string | null;
  files: DocumentRowFile[];
  canVerify: boolean;
};

const ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";

/** One checklist item: its status (saved on request) and its files (upload checked again on the server). */
export function DocumentRow({ familyId, documentId, label, status, lastChange, files, canVerify }: Props) {
  const t = useTranslations("casefile.documents");
  const tr = useTranslations("casefile.rules");
  const router = useRouter();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [selected, setSelected] = useState<DocumentStatus>(status);
  const [statusMessage, setStatusMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const [uploadMessage, setUploadMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const [isSaving, startSaving] = useTransition();
  const [isUploading, setIsUploading] = useState(false);
  const maxMb = MAX_DOCUMENT_FILE_BYTES / 1024 / 1024;
  // A caseworker cannot move an item to or from VERIFIED; the server checks the same rule.
  const isLocked = status === "VERIFIED" && !canVerify;

  function onSaveStatus() {
    setStatusMessage(null);
    startSaving(async () => {
      const result = await setDocumentStatusAction({ familyId, documentId, status: selected });
      setStatusMessage(
        result.ok ? { text: t("saved"), isError: false } : { text: result.fieldErrors?.status ?? result.message, isError: true },
      );
    });
  }

  async function onUpload(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setUploadMessage(null);
    const file = fileInput.current?.files?.[0];
    if (!file) return setUploadMessage({ text: t("chooseFile"), isError: true });
    if (file.size > MAX_DOCUMENT_FILE_BYTES) return setUploadMessage({ text: tr("fileTooLarge", { maxMb }), isError: true });
    const body = new FormData();
    body.set("documentId", String(documentId));
    body.set("file", file);
    setIsUploading(true);
    try {
      const response = await fetch(`/families/${familyId}/files`, { method: "POST", body });
      const payload = (await response.json().catch(() => null)) as { ok?: boolean; message?: string } | null;
      if (!response.ok || !payload?.ok) {
        // The chosen file stays selected, so the user can see what was refused.
        setUploadMessage({ text: payload?.message ?? tr("uploadFailed"), isError: true });
        return;
      }
      if (fileInput.current) fileInput.current.value = "";
      setUploadMessage({ text: t("uploaded"), isError: false });
      router.refresh();
    } catch {
      setUploadMessage({ text: tr("uploadFailed"), isError: true });
    } finally {
      setIsUploading(false);
    }
  }

  return (
    <tr className="border-t align-top">
      <th scope="row" className="px-3 py-2 text-left font-normal">
        <span className="block font-medium">{label}</span>
        {lastChange && <span className="block text-xs text-slate-500">{lastChange}</span>}
      </th>
      <td className="px-3 py-2">
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor={`${id}-status`} className="sr-only">
            {t("statusFor", { document: label })}
          </label>
          <select
            id={`${id}-status`}
            value={selected}
            onChange={(event) => setSelected(event.target.value as DocumentStatus)}
            disabled={isSaving || isLocked}
            aria-describedby={`${id}-status-message`}
            className="rounded-md border border-slate-300 px-2 py-1"
          >
            {DOCUMENT_STATUSES.map((value) => (
              <option key={value} value={value} disabled={value === "VERIFIED" && !canVerify && status !== "VERIFIED"}>
                {t(`statusValue.${value}`)}
              </option>
            ))}
          </select>
          <Button
            type="button"
            variant="secondary"
            className="px-3 py-1"
            onClick={onSaveStatus}
            disabled={isSaving || isLocked || selected === status}
            aria-label={t("saveFor", { document: label })}
          >
            {t("save")}
          </Button>
        </div>
        <p id={`${id}-status-message`} aria-live="polite" className={`mt-1 text-xs ${statusMessage?.isError ? "text-red-700" : "text-green-700"}`}>
          {statusMessage?.text}
        </p>
      </td>
      <td className="px-3 py-2">
        {files.length === 0 ? (
          <p className="text-slate-500">{t("noFiles")}</p>
        ) : (
          <ul className="space-y-1">
            {files.map((file) => (
              <li key={file.id}>
                <a href={`/families/${familyId}/files/${file.id}`} download={file.fileName} className="text-brand-700 hover:underline" title={t("downloadFile", { name: file.fileName })}>
                  {file.fileName}
                </a>
                <span className="block text-xs text-slate-500">{file.meta}</span>
              </li>
            ))}
          </ul>
        )}
        {!isLocked && (
          <form onSubmit={onUpload} className="mt-2 flex flex-wrap items-center gap-2" noValidate>
            <label htmlFor={`${id}-file`} className="sr-only">
              {t("fileFor", { document: label })}
            </label>
            <input
              ref={fileInput}
              id={`${id}-file`}
              name="file"
              type="file"
              accept={ACCEPT}
              disabled={isUploading}
              aria-describedby={`${id}-file-hint ${id}-file-message`}
              className="max-w-60 text-xs"
            />
            <Button type="submit" variant="secondary" className="px-3 py-1" disabled={isUploading} aria-label={t("uploadFor", { document: label })}>
              {isUploading ? t("uploading") : t("upload")}
            </Button>
            <span id={`${id}-file-hint`} className="w-full text-xs text-slate-500">
              {t("fileHint", { maxMb })}
            </span>
          </form>
        )}
        <p id={`${id}-file-message`} aria-live="polite" className={`mt-1 text-xs ${uploadMessage?.isError ? "text-red-700" : "text-green-700"}`}>
          {uploadMessage?.text}
        </p>
      </td>
    </tr>
  );
}
