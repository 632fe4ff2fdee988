import { describe, expect, it } from "vitest";
import { attachmentDisposition, safeFileName, sniffFileType } from "./file-type";

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (value: string) => new TextEncoder().encode(value);

describe("sniffFileType", () => {
  it("recognises PDF, PNG and JPEG by their signatures", () => {
    expect(sniffFileType(text("%PDF-1.7\n%…"))).toEqual({ mimeType: "application/pdf", extension: "pdf" });
    expect(sniffFileType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13))).toEqual({
      mimeType: "image/png",
      extension: "png",
    });
    expect(sniffFileType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).toEqual({ mimeType: "image/jpeg", extension: "jpg" });
  });

  it("refuses text, HTML, other formats and files cut short inside the signature", () => {
    expect(sniffFileType(text("just a text file renamed to .pdf"))).toBeNull();
    expect(sniffFileType(text("<html><script>alert(1)</script>"))).toBeNull();
    expect(sniffFileType(text("GIF89a......"))).toBeNull();
    expect(sniffFileType(bytes(0x50, 0x4b, 0x03, 0x04, 1, 2))).toBeNull(); // ZIP / DOCX
    expect(sniffFileType(text(" %PDF-1.4"))).toBeNull(); // not at the start
    expect(sniffFileType(text("%PDF-"))).toBeNull(); // nothing after the signature
    expect(sniffFileType(bytes(0x89, 0x50, 0x4e, 0x47))).toBeNull();
    expect(sniffFileType(new Uint8Array())).toBeNull();
  });
});

describe("safeFileName", () => {
  it("keeps a readable Cyrillic name and replaces the claimed extension with the recognised one", () => {
    expect(safeFileName("Өтініш Сейтқали.PDF", "pdf")).toBe("Өтініш Сейтқали.pdf");
    expect(safeFileName("scan.txt", "png")).toBe("scan.png");
    expect(safeFileName("photo", "jpg")).toBe("photo.jpg");
  });

  it("drops folders, control and reserved characters", () => {
    expect(safeFileName("C:\\Users\\x\\..\\passport.png", "png")).toBe("passport.png");
    expect(safeFileName("../../etc/passwd", "pdf")).toBe("passwd.pdf");
    expect(safeFileName('a"b<c>\r\nd;e.pdf', "pdf")).toBe("a_b_c_d_e.pdf");
    expect(safeFileName("...", "pdf")).toBe("document.pdf");
    expect(safeFileName("", "png")).toBe("document.png");
  });

  it("bounds the length", () => {
    expect(safeFileName(`${"я".repeat(500)}.pdf`, "pdf")).toBe(`${"я".repeat(120)}.pdf`);
  });
});

describe("attachmentDisposition", () => {
  it("is always an attachment with an ASCII fallback and the exact UTF-8 name", () => {
    expect(attachmentDisposition("Өтініш (1).pdf")).toBe(
      `attachment; filename="______ (1).pdf"; filename*=UTF-8''%D3%A8%D1%82%D1%96%D0%BD%D1%96%D1%88%20%281%29.pdf`,
    );
    expect(attachmentDisposition("scan.png")).toBe(`attachment; filename="scan.png"; filename*=UTF-8''scan.png`);
  });

  it("cannot be broken out of by quotes or line breaks", () => {
    const header = attachmentDisposition('x".pdf\r\nSet-Cookie: a=b');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.startsWith('attachment; filename="x_.pdf__Set-Cookie: a=b"')).toBe(true);
  });
});
