import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { ArrayMaxSize, IsArray } from 'class-validator';
import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '../common/domain-error';
import { Roles } from '../http/auth.decorators';
import { TemporalClientService } from './temporal.module';

/** A payload as the Temporal UI and CLI send it to a codec server: bytes in base64. */
export interface JsonPayload {
  metadata?: Record<string, string>;
  data?: string;
}

export class CodecBodyDto {
  @ApiProperty({ description: 'Payloads de Temporal en JSON (metadata y data en base64).', type: 'array', items: { type: 'object' } })
  @IsArray()
  @ArrayMaxSize(2000)
  payloads!: unknown[];
}

const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

function bytes(value: unknown, field: string): Uint8Array {
  if (typeof value !== 'string' || !BASE64.test(value)) throw new DomainError(`«${field}» debe ser texto en base64.`, field);
  return Buffer.from(value, 'base64');
}

function fromJson(raw: unknown, index: number): Payload {
  const field = `payloads[${index}]`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new DomainError(`«${field}» debe ser un objeto.`, field);
  const { metadata, data } = raw as Record<string, unknown>;
  if (metadata !== undefined && (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata))) {
    throw new DomainError(`«${field}.metadata» debe ser un objeto.`, `${field}.metadata`);
  }
  const meta: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries((metadata ?? {}) as Record<string, unknown>)) meta[k] = bytes(v, `${field}.metadata.${k}`);
  return { metadata: meta, data: data === undefined ? new Uint8Array() : bytes(data, `${field}.data`) };
}

function toJson(p: Payload): JsonPayload {
  const metadata: Record<string, string> = {};
  for (const [k, v] of Object.entries(p.metadata ?? {})) if (v) metadata[k] = Buffer.from(v).toString('base64');
  return { metadata, data: Buffer.from(p.data ?? new Uint8Array()).toString('base64') };
}

/**
 * The codec server of the Temporal UI and CLI (Temporal's remote codec protocol): an operator
 * reads a history's inputs and results in clear through it; the store keeps only ciphertext.
 * Without configured keys both directions return the payloads unchanged.
 */
@ApiTags('operación')
@Controller('temporal-codec')
@Roles('ADMIN')
export class TemporalCodecController {
  private readonly codec: PayloadCodec | undefined;

  constructor(temporal: TemporalClientService) {
    this.codec = temporal.dataConverter?.payloadCodecs?.[0];
  }

  @Post('decode')
  @HttpCode(200)
  @ApiOperation({ summary: 'Descifra payloads de Temporal para la interfaz de Temporal (solo administración).' })
  async decode(@Body() body: CodecBodyDto): Promise<{ payloads: JsonPayload[] }> {
    return this.apply(body, (c, p) => c.decode(p));
  }

  @Post('encode')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cifra payloads de Temporal (para enviar señales o consultas desde la interfaz de Temporal).' })
  async encode(@Body() body: CodecBodyDto): Promise<{ payloads: JsonPayload[] }> {
    return this.apply(body, (c, p) => c.encode(p));
  }

  private async apply(body: CodecBodyDto, op: (codec: PayloadCodec, payloads: Payload[]) => Promise<Payload[]>): Promise<{ payloads: JsonPayload[] }> {
    const payloads = body.payloads.map(fromJson);
    if (!this.codec) return { payloads: payloads.map(toJson) };
    try {
      return { payloads: (await op(this.codec, payloads)).map(toJson) };
    } catch (err) {
      throw new DomainError(`No se pudo procesar un payload: ${(err as Error).message}`, 'payloads');
    }
  }
}

/**
 * The Temporal UI calls the codec from its own origin (TEMPORAL_UI_ORIGINS, comma-separated;
 * default the dev server's UI): CORS for those origins only, preflight answered before the guard.
 */
export function codecCorsMiddleware(origins = (process.env.TEMPORAL_UI_ORIGINS || 'http://localhost:8233,http://127.0.0.1:8233').split(',')) {
  const allowed = new Set(origins.map((o) => o.trim()).filter(Boolean));
  return (req: Request, res: Response, next: NextFunction): void => {
    const origin = req.headers.origin;
    if (origin && allowed.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, X-Namespace');
      res.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
      res.setHeader('Vary', 'Origin');
    }
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    next();
  };
}

@Module({ controllers: [TemporalCodecController] })
export class TemporalCodecModule {}
