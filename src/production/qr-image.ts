import { crc32, deflateSync } from 'node:zlib';
import { create, QRCodeSegment } from 'qrcode';

/**
 * QR codes as tiny 1-bit PNGs (one pixel per module, quiet zone included), drawn on the card with
 * `image-rendering: pixelated`. Measured against an SVG path per code, an image is ~15× smaller in
 * the PDF and much cheaper for Chromium to print (docs/BENCHMARKS.md).
 *
 * Speed: segments are explicit (byte mode for the URL base, alphanumeric for the payload) and the
 * mask pattern is fixed, which skips qrcode's mask search (8 trial encodings with penalty scoring,
 * most of its time). Any mask is valid per ISO/IEC 18004; the tests decode the printed codes with
 * zbarimg.
 */
export interface QrImage {
  /** Modules per side, quiet zone excluded. */
  size: number;
  /** data:image/png;base64,... */
  dataUrl: string;
}

export const QR_QUIET_ZONE = 4;

/**
 * `pixelsPerModule` > 1 draws each module as a square of pixels: a card's code is embedded at 3
 * (150 dpi at its printed size), so a rasteriser at 150 dpi copies it pixel for pixel instead of
 * smoothing an upscaled image (Poppler interpolates any upscale below 4×, whatever the PDF says).
 */
export function qrImage(segments: QRCodeSegment[] | string, maskPattern: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | undefined = 0, pixelsPerModule = 1): QrImage {
  const qr = create(segments, { errorCorrectionLevel: 'M', maskPattern });
  const { size, data } = qr.modules;
  const k = pixelsPerModule;
  const n = (size + 2 * QR_QUIET_ZONE) * k;
  const rowBytes = Math.ceil(n / 8);
  const raw = Buffer.alloc((rowBytes + 1) * n, 0xff);
  for (let y = 0; y < n; y++) {
    const rowStart = y * (rowBytes + 1);
    raw[rowStart] = 0; // filter: none
    const my = Math.floor(y / k) - QR_QUIET_ZONE;
    if (my < 0 || my >= size) continue;
    for (let mx = 0; mx < size; mx++) {
      if (!data[my * size + mx]) continue;
      for (let x = (mx + QR_QUIET_ZONE) * k, end = x + k; x < end; x++) {
        raw[rowStart + 1 + (x >> 3)] &= ~(0x80 >> (x & 7)); // 0 = black in 1-bit greyscale
      }
    }
    // Padding bits past the last pixel stay 1 (white); PNG ignores them.
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(n, 0);
  ihdr.writeUInt32BE(n, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  const png = Buffer.concat([PNG_SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), IEND]);
  return { size, dataUrl: `data:image/png;base64,${png.toString('base64')}` };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, body: Buffer): Buffer {
  const out = Buffer.alloc(12 + body.length);
  out.writeUInt32BE(body.length, 0);
  out.write(type, 4, 'ascii');
  body.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + body.length)), 8 + body.length);
  return out;
}

const IEND = chunk('IEND', Buffer.alloc(0));

const ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]*$/;

/**
 * Segments for a card's verification URL: the base (`compactVerificationBase`) in alphanumeric mode
 * when it is all capitals, digits and URL punctuation (byte mode otherwise), the compact payload in
 * numeric mode.
 */
export function urlSegments(base: string, digits: string): QRCodeSegment[] {
  return [ALPHANUMERIC.test(base) ? { data: base, mode: 'alphanumeric' } : { data: Buffer.from(base, 'utf8'), mode: 'byte' }, { data: digits, mode: 'numeric' }];
}
