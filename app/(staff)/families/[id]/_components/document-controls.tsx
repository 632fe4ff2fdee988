"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { FormMessage } from "@/components/use-action-form";
import { DOCUMENT_STATUSES, MAX_DOCUMENT_FILE_BYTES, type DocumentStatus } from "@/lib/domain/documents";
import { setDocumentStatusAction } from "../actions-case-file";
import { DocumentWithdrawal } from "./document-withdrawal";

/**
 * `replaced` says when a newer file replaced this one, `withdrawn` when, by whom and why it was withdrawn
 * (both kept and listed), else null.
 */
type DocumentFile = { id: number; fileName: string; meta: string; replaced: string | null; withdrawn: string | null };

type DocumentProps = {
  familyId: number;
  documentId: number;
  /** Names the checklist item in the controls' accessible names. */
  label: string;
  status: DocumentStatus;
  canVerify: boolean;
};

const ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";

/** A caseworker cannot move an item to or from VERIFIED; the server checks the same rule. */
const isLockedFor = (status: DocumentStatus, canVerify: boolean) => status === "VERIFIED" && !canVerify;

/** One checklist item's status, saved on request. */
export function DocumentStatusControl({ familyId, documentId, label, status, canVerify }: DocumentProps) {
  const t = useTranslations("casefile.documents");
  const id = useId();
  const [selected, setSelected] = useState<DocumentStatus>(status);
  const [shownStatus, setShownStatus] = useState<DocumentStatus>(status);
  const [message, setMessage] = useState<FormMessage | null>(null);
  // An upload (or another user's change) moves the item on the server; after the page refreshes, the
  // choice follows the stored status instead of keeping the one loaded first.
  if (shownStatus !== status) {
    setShownStatus(status);
    setSelected(status);
  }
  const [isSaving, startSaving] = useTransition();
  const isLocked = isLockedFor(status, canVerify);

  function onSaveStatus() {
    setMessage(null);
    startSaving(async () => {
      const result = await setDocumentStatusAction({ familyId, documentId, status: selected });
      setMessage(
        result.ok
          ? { text: t("saved"), isError: false }
          : { text: result.fieldErrors?.status ?? result.message, isError: true },
      );
    });
  }

  return (
    <>
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
      <p
        id={`${id}-status-message`}
        aria-live="polite"
        className={`mt-1 text-xs ${message?.isError ? "text-red-700" : "text-green-700"}`}
      >
        {message?.text}
      </p>
    </>
  );
}

/** One checklist item's files, and the upload of another (checked again on the server). */
export function DocumentFiles({
  familyId,
  documentId,
  label,
  status,
  canVerify,
  files,
}: DocumentProps & { files: DocumentFile[] }) {
  const t = useTranslations("casefile.documents");
  const tr = useTranslations("casefile.rules");
  const router = useRouter();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<FormMessage | null>(null);
  const [isUploading, setIsUploading] = useState(false);
  const [replacesFileId, setReplacesFileId] = useState("");
  const tl = useTranslations("lifecycle.documents");
  const current = files.filter((file) => file.replaced === null && file.withdrawn === null);
  const isLocked = isLockedFor(status, canVerify);
  const maxMb = MAX_DOCUMENT_FILE_BYTES / 1024 / 1024;

  async function onUpload(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    const file = fileInput.current?.files?.[0];
    if (!file) return setMessage({ text: t("chooseFile"), isError: true });
    if (file.size > MAX_DOCUMENT_FILE_BYTES) return setMessage({ text: tr("fileTooLarge", { maxMb }), isError: true });
    const body = new FormData();
    body.set("documentId", String(documentId));
    body.set("file", file);
    if (replacesFileId) body.set("replacesFileId", replacesFileId);
    setIsUploading(true);
    try {
      const response = await fetch(`/families/${familyId}/files`, { method: "POST", body });
      const payload = (await response.json().catch(() => null)) as { ok?: boolean; message?: string } | null;
      if (!response.ok || !payload?.ok) {
        // The chosen file stays selected, so the user can see what was refused.
        setMessage({ text: payload?.message ?? tr("uploadFailed"), isError: true });
        return;
      }
      if (fileInput.current) fileInput.current.value = "";
      setReplacesFileId("");
      setMessage({ text: t("uploaded"), isError: false });
      router.refresh();
    } catch {
      setMessage({ text: tr("uploadFailed"), isError: true });
    } finally {
      setIsUploading(false);
    }
  }

  return (
    <>
      {files.length === 0 ? (
        <p className="text-slate-500">{t("noFiles")}</p>
      ) : (
        <ul className="space-y-1">
          {files.map((file) => (
            <li key={file.id}>
              <a
                href={`/families/${familyId}/files/${file.id}`}
                download={file.fileName}
                className="text-brand-700 hover:underline"
                title={t("downloadFile", { name: file.fileName })}
              >
                {file.fileName}
              </a>
              <span className="block text-xs text-slate-500">{file.meta}</span>
              {file.replaced && <span className="block text-xs font-medium text-amber-800">{file.replaced}</span>}
              {file.withdrawn && <span className="block text-xs font-medium text-red-800">{file.withdrawn}</span>}
              {!isLocked && file.replaced === null && file.withdrawn === null && (
                <DocumentWithdrawal familyId={familyId} fileId={file.id} fileName={file.fileName} />
              )}
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
          {current.length > 0 && (
            <>
              <label htmlFor={`${id}-replaces`} className="sr-only">
                {tl("replacesFor", { document: label })}
              </label>
              <select
                id={`${id}-replaces`}
                value={replacesFileId}
                onChange={(event) => setReplacesFileId(event.target.value)}
                disabled={isUploading}
                className="max-w-60 rounded-md border border-slate-300 px-2 py-1 text-xs"
              >
                <option value="">{tl("addFile")}</option>
                {current.map((file) => (
                  <option key={file.id} value={String(file.id)}>
                    {tl("replaces", { name: file.fileName })}
                  </option>
                ))}
              </select>
            </>
          )}
          <Button
            type="submit"
            variant="secondary"
            className="px-3 py-1"
            disabled={isUploading}
            aria-label={t("uploadFor", { document: label })}
          >
            {isUploading ? t("uploading") : t("upload")}
          </Button>
          <span id={`${id}-file-hint`} className="w-full text-xs text-slate-500">
            {t("fileHint", { maxMb })}
          </span>
        </form>
      )}
      <p
        id={`${id}-file-message`}
        aria-live="polite"
        className={`mt-1 text-xs ${message?.isError ? "text-red-700" : "text-green-700"}`}
      >
        {message?.text}
      </p>
    </>
  );
}
