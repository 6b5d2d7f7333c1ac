import { applyDecorators, CallHandler, ExecutionContext, Injectable, mixin, NestInterceptor, Type, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import multer from 'multer';
import { Observable } from 'rxjs';
import { DomainError } from '../common/domain-error';
import { ApiProblems } from '../http/api-docs.decorators';
import { maxBytesOf, megabytes, UploadKind } from './upload-limits';
import { checkUpload, CheckedUpload, UploadedFile } from './upload-validation';

/** The request after `@FileUpload`: the file, already checked. */
export interface UploadRequest extends Request {
  file?: Express.Multer.File;
  upload?: CheckedUpload;
  uploadParsed?: boolean;
}

const FORM_FIELD_LIMIT = 100_000;

function uploadInterceptor(field: string, kind: UploadKind, required: boolean): Type<NestInterceptor> {
  @Injectable()
  class FileUploadInterceptor implements NestInterceptor {
    private readonly parse = multer({
      storage: multer.memoryStorage(),
      // One byte over the limit is enough to know the file is too big: multer stops reading there.
      limits: { fileSize: maxBytesOf(kind) + 1, files: 1, fields: 30, fieldSize: FORM_FIELD_LIMIT, parts: 32 },
    }).single(field);

    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      const req = context.switchToHttp().getRequest<UploadRequest>();
      const res = context.switchToHttp().getResponse<Response>();
      if (!req.is('multipart/form-data')) {
        throw new DomainError(`Envíe un formulario multipart/form-data con el archivo en el campo «${field}».`, field, 'TIPO_NO_ADMITIDO', 415);
      }
      await new Promise<void>((resolve, reject) => {
        this.parse(req, res, (err: unknown) => (err ? reject(translateMulterError(err, field, kind)) : resolve()));
      });
      req.uploadParsed = true;
      if (!req.file) {
        if (required) throw new DomainError(`Falta el archivo en el campo «${field}».`, field);
      } else {
        const file = req.file as UploadedFile;
        if (file.size > maxBytesOf(kind)) {
          throw new DomainError(`El archivo excede el tamaño máximo de ${megabytes(maxBytesOf(kind))} MB.`, field, 'ARCHIVO_DEMASIADO_GRANDE', 413);
        }
        req.upload = checkUpload(file.buffer, file.originalname, kind, field);
      }
      return next.handle();
    }
  }
  return mixin(FileUploadInterceptor);
}

function translateMulterError(err: unknown, field: string, kind: UploadKind): DomainError {
  const code = (err as { code?: string }).code;
  const got = (err as { field?: string }).field;
  switch (code) {
    case 'LIMIT_FILE_SIZE':
      return new DomainError(`El archivo excede el tamaño máximo de ${megabytes(maxBytesOf(kind))} MB.`, field, 'ARCHIVO_DEMASIADO_GRANDE', 413);
    case 'LIMIT_UNEXPECTED_FILE':
      return new DomainError(`El archivo debe ir en el campo «${field}»${got ? `, no en «${got}»` : ''}.`, field);
    case 'LIMIT_FILE_COUNT':
      return new DomainError(`Envíe un solo archivo en el campo «${field}».`, field);
    case 'LIMIT_FIELD_VALUE':
      return new DomainError(`El campo «${got ?? '?'}» del formulario es demasiado largo.`, got ?? field);
    default:
      return new DomainError('El formulario multipart está mal formado o trae demasiados campos.', field, 'FORMULARIO_NO_VALIDO', 400);
  }
}

const KIND_DESCRIPTIONS: Record<UploadKind, string> = {
  pdf: 'PDF (se comprueba por su contenido)',
  photo: 'fotografía JPEG o PNG (contenido, tamaño y resolución)',
  zip: 'ZIP de fotografías nombradas por CURP',
  csv: 'CSV de texto (UTF-8 o Latin-1)',
};

/**
 * A multipart upload of one file in `field`, parsed in memory with a size limit and checked by
 * content (`checkUpload`) before the handler runs. Read it with `@UploadedFile()`; the check's
 * result is `req.upload`. `extraFields` are documented text fields of the same form.
 */
export function FileUpload(
  field: string,
  kind: UploadKind,
  options: { required?: boolean; extraFields?: Record<string, { type: 'string' | 'integer' | 'boolean'; description?: string }> } = {},
): MethodDecorator {
  const required = options.required ?? true;
  return applyDecorators(
    UseInterceptors(uploadInterceptor(field, kind, required)),
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        ...(required ? { required: [field] } : {}),
        properties: {
          [field]: { type: 'string', format: 'binary', description: `${KIND_DESCRIPTIONS[kind]}; máximo ${megabytes(maxBytesOf(kind))} MB.` },
          ...(options.extraFields ?? {}),
        },
      },
    }),
    ApiProblems(413, 415, 422),
  );
}
