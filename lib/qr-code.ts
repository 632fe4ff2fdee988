import { toString as qrToString, type QRCodeErrorCorrectionLevel } from "qrcode";

/**
 * Printed codes get folded and smudged: level Q restores a quarter of the code, and a short address
 * still fits a small version (29×29 modules for a typical https address).
 */
export const QR_ERROR_CORRECTION: QRCodeErrorCorrectionLevel = "Q";
/** The quiet zone the QR standard asks for, in modules. */
export const QR_MARGIN = 4;

/** A QR code as the side length of its square (modules, quiet zone included) and the SVG path of its dark modules. */
export type QrCode = { size: number; darkPath: string };

/**
 * The QR code of `text`, drawn by the `qrcode` library's SVG renderer, taken apart so that a page can
 * render it as its own inline SVG with an accessible title (and no markup from a string).
 */
export async function qrCode(text: string): Promise<QrCode> {
  const svg = await qrToString(text, { type: "svg", errorCorrectionLevel: QR_ERROR_CORRECTION, margin: QR_MARGIN });
  const size = /viewBox="0 0 (\d+) \1"/.exec(svg)?.[1];
  const darkPath = /<path stroke="#000000" d="([^"]+)"/.exec(svg)?.[1];
  if (!size || !darkPath) throw new Error("Unexpected SVG from the qrcode library");
  return { size: Number(size), darkPath };
}
