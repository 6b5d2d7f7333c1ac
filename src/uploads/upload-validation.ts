import { DomainError } from '../common/domain-error';
import { assertKind, assertResolution, detectKind, DetectedKind, kindByName, mediaTypeOf } from './file-kinds';
import { maxBytesOf, megabytes, UPLOAD_LIMITS, UploadKind } from './upload-limits';

/** The part of a multer file the API uses. */
export interface UploadedFile {
  fieldname: string;
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

export interface CheckedUpload {
  kind: DetectedKind | 'CSV';
  mediaType: string;
  size: number;
  width?: number;
  height?: number;
}

/** Client file names are only shown in messages: strip any path and control characters. */
export function displayName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = name.split(/[\\/]/).pop()?.replace(/[\u0000-\u001f\u007f]/g, '') ?? '';
  return base.slice(0, 120) || 'archivo';
}

/**
 * Validates an upload by content: size, type by magic bytes (PDF, JPEG/PNG, ZIP, or text for CSV)
 * and, for photos, resolution. Throws a Spanish DomainError naming `field`.
 */
export function checkUpload(data: Uint8Array, name: string, kind: UploadKind, field: string): CheckedUpload {
  const shown = displayName(name);
  const max = maxBytesOf(kind);
  if (data.length === 0) throw new DomainError(`El archivo «${shown}» está vacío.`, field);
  if (data.length > max) {
    throw new DomainError(`El archivo «${shown}» pesa ${megabytes(data.length)} MB; el máximo es ${megabytes(max)} MB.`, field, 'ARCHIVO_DEMASIADO_GRANDE', 413);
  }
  switch (kind) {
    case 'pdf': {
      assertKind(data, shown, ['PDF'], field);
      const tail = Buffer.from(data.subarray(Math.max(0, data.length - 2048))).toString('latin1');
      if (!tail.includes('%%EOF')) throw new DomainError(`El PDF «${shown}» está incompleto o dañado (no tiene fin de archivo).`, field, 'PDF_DANADO');
      return { kind: 'PDF', mediaType: mediaTypeOf('PDF'), size: data.length };
    }
    case 'photo': {
      const actual = assertKind(data, shown, ['JPEG', 'PNG'], field);
      const { width, height } = assertResolution(data, shown, UPLOAD_LIMITS.photo, field);
      return { kind: actual, mediaType: mediaTypeOf(actual), size: data.length, width, height };
    }
    case 'zip':
      assertKind(data, shown, ['ZIP'], field);
      return { kind: 'ZIP', mediaType: mediaTypeOf('ZIP'), size: data.length };
    case 'csv': {
      const actual = detectKind(data);
      const claimed = kindByName(shown);
      if (actual || claimed || data.subarray(0, 8192).includes(0)) {
        throw new DomainError(
          `El archivo «${shown}» no es un CSV de texto${actual ? ` (su contenido es ${actual})` : ''}; exporte la hoja como CSV.`,
          field,
          'TIPO_DE_ARCHIVO',
        );
      }
      return { kind: 'CSV', mediaType: 'text/csv', size: data.length };
    }
  }
}
