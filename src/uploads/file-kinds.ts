import { imageSize } from 'image-size';
import { DomainError } from '../common/domain-error';

export type DetectedKind = 'PDF' | 'JPEG' | 'PNG' | 'ZIP' | 'GIF' | 'WEBP';

const MEDIA_TYPES: Record<DetectedKind, string> = {
  PDF: 'application/pdf',
  JPEG: 'image/jpeg',
  PNG: 'image/png',
  ZIP: 'application/zip',
  GIF: 'image/gif',
  WEBP: 'image/webp',
};

const EXTENSIONS: Record<string, DetectedKind> = {
  pdf: 'PDF',
  jpg: 'JPEG',
  jpeg: 'JPEG',
  png: 'PNG',
  zip: 'ZIP',
  gif: 'GIF',
  webp: 'WEBP',
};

/** What the bytes are, by their magic numbers (the client's name and Content-Type are not trusted). */
export function detectKind(data: Uint8Array): DetectedKind | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => data[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'PDF'; // %PDF-
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'PNG';
  if (starts(0xff, 0xd8, 0xff)) return 'JPEG';
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) return 'ZIP';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'GIF';
  if (starts(0x52, 0x49, 0x46, 0x46) && data[8] === 0x57 && data[9] === 0x45 && data[10] === 0x42 && data[11] === 0x50) return 'WEBP';
  return null;
}

export function mediaTypeOf(kind: DetectedKind): string {
  return MEDIA_TYPES[kind];
}

/** The kind a file name claims by its extension, or null (no or unknown extension). */
export function kindByName(name: string): DetectedKind | null {
  const m = /\.([A-Za-z0-9]+)$/.exec(name);
  return m ? (EXTENSIONS[m[1].toLowerCase()] ?? null) : null;
}

const describe = (kind: DetectedKind | null): string => (kind ? `un ${kind}` : 'de un tipo no reconocido');

/**
 * Checks that `data` is one of `expected` by content, and that its name does not claim another
 * type (a PNG named .pdf, a PDF named .jpg are both refused). Returns the detected kind.
 */
export function assertKind(data: Uint8Array, name: string, expected: DetectedKind[], field: string): DetectedKind {
  const actual = detectKind(data);
  const wanted = expected.join(' o ');
  if (!actual || !expected.includes(actual)) {
    throw new DomainError(`El archivo «${name}» es ${describe(actual)} por su contenido; se esperaba ${wanted}.`, field, 'TIPO_DE_ARCHIVO', 422);
  }
  const claimed = kindByName(name);
  if (claimed && claimed !== actual) {
    throw new DomainError(
      `El archivo «${name}» dice ser ${claimed} por su extensión pero su contenido es ${actual}; corrija el archivo o su nombre.`,
      field,
      'TIPO_DE_ARCHIVO',
      422,
    );
  }
  return actual;
}

export interface ImageLimits {
  minWidth: number;
  minHeight: number;
  maxWidth: number;
  maxHeight: number;
}

/** Reads an image's resolution and checks it against the limits. */
export function assertResolution(data: Uint8Array, name: string, limits: ImageLimits, field: string): { width: number; height: number } {
  let size: { width?: number; height?: number };
  try {
    size = imageSize(data);
  } catch {
    throw new DomainError(`La imagen «${name}» está dañada o incompleta.`, field, 'IMAGEN_DANADA', 422);
  }
  const { width = 0, height = 0 } = size;
  if (width < limits.minWidth || height < limits.minHeight) {
    throw new DomainError(
      `La imagen «${name}» mide ${width}×${height} px; el mínimo es ${limits.minWidth}×${limits.minHeight} px.`,
      field,
      'RESOLUCION',
      422,
    );
  }
  if (width > limits.maxWidth || height > limits.maxHeight) {
    throw new DomainError(
      `La imagen «${name}» mide ${width}×${height} px; el máximo es ${limits.maxWidth}×${limits.maxHeight} px.`,
      field,
      'RESOLUCION',
      422,
    );
  }
  return { width, height };
}
