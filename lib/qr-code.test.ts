import { create } from "qrcode";
import { describe, expect, it } from "vitest";
import { QR_ERROR_CORRECTION, QR_MARGIN, qrCode } from "./qr-code";

/** The dark modules a path of `qrcode`'s SVG renderer paints: "M x y" starts a row run, "m dx 0" skips, "h n" paints n. */
function paintedModules(path: string, size: number): boolean[][] {
  const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  let x = 0;
  let y = 0;
  for (const [, command, a, b] of path.matchAll(/([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    if (command === "M") [x, y] = [Number(a), Math.floor(Number(b))];
    else if (command === "m") x += Number(a);
    else for (let run = 0; run < Number(a); run++, x++) (grid[y] as boolean[])[x] = true;
  }
  return grid;
}

describe("qrCode", () => {
  it("paints exactly the modules of the QR code of the text, inside the quiet zone", async () => {
    const url = "https://nurlykosh.example.kz/status";
    const { size, darkPath } = await qrCode(url);
    const symbol = create(url, { errorCorrectionLevel: QR_ERROR_CORRECTION });
    expect(size).toBe(symbol.modules.size + 2 * QR_MARGIN);

    const painted = paintedModules(darkPath, size);
    for (let row = 0; row < size; row++) {
      for (let col = 0; col < size; col++) {
        const inSymbol = row >= QR_MARGIN && col >= QR_MARGIN && row < size - QR_MARGIN && col < size - QR_MARGIN;
        const expected = inSymbol && symbol.modules.get(row - QR_MARGIN, col - QR_MARGIN) === 1;
        expect(painted[row]?.[col], `module ${row},${col}`).toBe(expected);
      }
    }
  });

  it("uses the error correction level meant for printed paper", async () => {
    expect(QR_ERROR_CORRECTION).toBe("Q");
    // The same address at level L would be smaller: the level really reaches the library.
    const atQ = await qrCode("http://localhost:3100/status");
    const atL = create("http://localhost:3100/status", { errorCorrectionLevel: "L" });
    expect(atQ.size - 2 * QR_MARGIN).toBeGreaterThan(atL.modules.size);
  });
});
