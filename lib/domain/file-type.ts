/**
 * Recognises uploaded files by their content (magic bytes), never by the browser's type or the name's
 * extension, and builds safe download names. Only PDF, JPEG and PNG are accepted.
 */

export type AcceptedFileType =
  | { mimeType: "application/pdf"; extension: "pdf" }
  | { mimeType: "image/jpeg"; extension: "jpg" }
  | { mimeType: "image/png"; extension: "png" };

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length > signature.length && signature.every((byte, index) => bytes[index] === byte);
}

/** The type of a file from its first bytes: PDF, JPEG or PNG, or null for anything else. */
export function sniffFileType(bytes: Uint8Array): AcceptedFileType | null {
  if (startsWith(bytes, PDF)) return { mimeType: "application/pdf", extension: "pdf" };
  if (startsWith(bytes, PNG)) return { mimeType: "image/png", extension: "png" };
  if (startsWith(bytes, JPEG)) return { mimeType: "image/jpeg", extension: "jpg" };
  return null;
}

const MAX_BASE_LENGTH = 120;

/**
 * A file name safe to store and to offer for download: no folders, control or reserved characters,
 * a bounded length, and the extension of the recognised type (whatever extension the upload claimed).
 */
export function safeFileName(original: string, extension: AcceptedFileType["extension"]): string {
  const lastSegment = original.split(/[\\/]/).pop() ?? "";
  const cleaned = lastSegment
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, "")
    .replace(/[<>:"|?*;\\/]/g, "_")
    .replace(/\s+/g, " ")
    .trim();
  const withoutExtension = cleaned.replace(/\.[A-Za-z0-9]{1,5}$/, "").replace(/^[.\s]+|[.\s]+$/g, "");
  const base = Array.from(withoutExtension).slice(0, MAX_BASE_LENGTH).join("") || "document";
  return `${base}.${extension}`;
}

/**
 * The Content-Disposition header for a download: always an attachment, with an ASCII fallback name and
 * the exact UTF-8 name (RFC 6266 / RFC 5987), so Cyrillic and Kazakh names survive.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
