import { zipSync } from 'fflate';
import sharp from 'sharp';
import { placeholderPhoto } from '../../src/catalog/demo/placeholder-photo';

/** A real PNG portrait (240 × 320). */
export function pngPhoto(variant = 0): Buffer {
  return placeholderPhoto(variant);
}

/** A real (decodable) JPEG of the given size, without metadata. */
export async function jpegPhoto(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 190, b: 170 } } }).jpeg().toBuffer();
}

/** A JPEG header with the given size (enough for type and resolution checks; not a full image). */
export function jpegHeader(width: number, height: number): Buffer {
  return Buffer.from([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
    0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01,
    0xff, 0xd9,
  ]);
}

/** A minimal one-page PDF. */
export function pdfDocument(text = 'Oficio de prueba'): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n` +
      `3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
    'latin1',
  );
}

export function zipOf(entries: Record<string, Uint8Array>): Buffer {
  return Buffer.from(zipSync(entries));
}

/** A multipart form with one file (and optional text fields). */
export function formWith(field: string, data: Uint8Array, filename: string, type = 'application/octet-stream', fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append(field, new Blob([new Uint8Array(data)], { type }), filename);
  return form;
}
