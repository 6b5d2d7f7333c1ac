import type { ImageLimits } from './file-kinds';

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw ? Number(raw) : NaN;
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

const MB = 1024 * 1024;

/** Upload limits (defaults; each can be overridden by the environment variable named beside it). */
export const UPLOAD_LIMITS = {
  /** UPLOAD_PDF_MAX_BYTES: an oficio scan or a signed acuse. */
  pdfMaxBytes: envInt('UPLOAD_PDF_MAX_BYTES', 10 * MB),
  /** UPLOAD_PHOTO_MAX_BYTES: one student photo. */
  photoMaxBytes: envInt('UPLOAD_PHOTO_MAX_BYTES', 2 * MB),
  /** UPLOAD_ZIP_MAX_BYTES: a ZIP of photos. */
  zipMaxBytes: envInt('UPLOAD_ZIP_MAX_BYTES', 100 * MB),
  /** Photos per ZIP. */
  zipMaxEntries: envInt('UPLOAD_ZIP_MAX_ENTRIES', 2000),
  /** UPLOAD_CSV_MAX_BYTES: a student CSV. */
  csvMaxBytes: envInt('UPLOAD_CSV_MAX_BYTES', 5 * MB),
  /** Data lines per CSV. */
  csvMaxRows: envInt('UPLOAD_CSV_MAX_ROWS', 20000),
  photo: {
    minWidth: 200,
    minHeight: 250,
    maxWidth: 6000,
    maxHeight: 6000,
  } satisfies ImageLimits,
};

export type UploadKind = 'pdf' | 'photo' | 'zip' | 'csv';

export function maxBytesOf(kind: UploadKind): number {
  switch (kind) {
    case 'pdf':
      return UPLOAD_LIMITS.pdfMaxBytes;
    case 'photo':
      return UPLOAD_LIMITS.photoMaxBytes;
    case 'zip':
      return UPLOAD_LIMITS.zipMaxBytes;
    case 'csv':
      return UPLOAD_LIMITS.csvMaxBytes;
  }
}

export function megabytes(bytes: number): string {
  const mb = bytes / MB;
  return Number.isInteger(mb) ? String(mb) : mb.toFixed(1);
}
