import { applyDecorators, CallHandler, ExecutionContext, Injectable, NestInterceptor, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import type { Response } from 'express';
import multer from 'multer';
import { Observable } from 'rxjs';
import { DomainError } from '../../common/domain-error';
import { ApiProblems } from '../../http/api-docs.decorators';
import { assertKind, assertResolution, mediaTypeOf } from '../../uploads/file-kinds';
import type { UploadRequest } from '../../uploads/file-upload.decorator';
import { megabytes, UPLOAD_LIMITS } from '../../uploads/upload-limits';
import { checkUpload, displayName } from '../../uploads/upload-validation';

export const SIGNED_SCAN_FIELD = 'archivo';
/** A scanned page: at least this big, at most this big (a letter page at 600 dpi is 5100 × 6600). */
const SCAN_IMAGE_LIMITS = { minWidth: 200, minHeight: 200, maxWidth: 12000, maxHeight: 12000 };

/**
 * The signed acuse scan: one file in `archivo`, a PDF, JPEG or PNG by its magic bytes (a PDF must
 * also be complete; an image must be readable), at most `UPLOAD_PDF_MAX_BYTES`. Built from the
 * shared upload helpers; sets `req.upload` and `req.uploadParsed` like `@FileUpload`.
 */
@Injectable()
export class SignedScanUploadInterceptor implements NestInterceptor {
  private readonly parse = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: UPLOAD_LIMITS.pdfMaxBytes + 1, files: 1, fields: 10, parts: 12 },
  }).single(SIGNED_SCAN_FIELD);

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<UploadRequest>();
    const res = context.switchToHttp().getResponse<Response>();
    const field = SIGNED_SCAN_FIELD;
    if (!req.is('multipart/form-data')) {
      throw new DomainError(`Envíe un formulario multipart/form-data con el archivo en el campo «${field}».`, field, 'TIPO_NO_ADMITIDO', 415);
    }
    await new Promise<void>((resolve, reject) => {
      this.parse(req, res, (err: unknown) => (err ? reject(translate(err)) : resolve()));
    });
    req.uploadParsed = true;
    const file = req.file;
    if (!file) throw new DomainError(`Falta el archivo en el campo «${field}».`, field);
    const name = displayName(file.originalname);
    if (file.size === 0) throw new DomainError(`El archivo «${name}» está vacío.`, field);
    if (file.size > UPLOAD_LIMITS.pdfMaxBytes) throw tooBig();
    const kind = assertKind(file.buffer, name, ['PDF', 'JPEG', 'PNG'], field);
    if (kind === 'PDF') checkUpload(file.buffer, name, 'pdf', field);
    else assertResolution(file.buffer, name, SCAN_IMAGE_LIMITS, field);
    req.upload = { kind, mediaType: mediaTypeOf(kind), size: file.size };
    return next.handle();
  }
}

function tooBig(): DomainError {
  return new DomainError(`El archivo excede el tamaño máximo de ${megabytes(UPLOAD_LIMITS.pdfMaxBytes)} MB.`, SIGNED_SCAN_FIELD, 'ARCHIVO_DEMASIADO_GRANDE', 413);
}

function translate(err: unknown): DomainError {
  const code = (err as { code?: string }).code;
  if (code === 'LIMIT_FILE_SIZE') return tooBig();
  if (code === 'LIMIT_UNEXPECTED_FILE') return new DomainError(`El archivo debe ir en el campo «${SIGNED_SCAN_FIELD}».`, SIGNED_SCAN_FIELD);
  if (code === 'LIMIT_FILE_COUNT') return new DomainError(`Envíe un solo archivo en el campo «${SIGNED_SCAN_FIELD}».`, SIGNED_SCAN_FIELD);
  return new DomainError('El formulario multipart está mal formado o trae demasiados campos.', SIGNED_SCAN_FIELD, 'FORMULARIO_NO_VALIDO', 400);
}

/** `@Idempotent()` goes above this decorator, so the file is parsed before the request is hashed. */
export function SignedScanUpload(): MethodDecorator {
  return applyDecorators(
    UseInterceptors(SignedScanUploadInterceptor),
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        required: [SIGNED_SCAN_FIELD],
        properties: {
          [SIGNED_SCAN_FIELD]: {
            type: 'string',
            format: 'binary',
            description: `Acuse firmado y sellado escaneado: PDF, JPEG o PNG (se comprueba por su contenido); máximo ${megabytes(UPLOAD_LIMITS.pdfMaxBytes)} MB.`,
          },
        },
      },
    }),
    ApiProblems(413, 415, 422),
  );
}
