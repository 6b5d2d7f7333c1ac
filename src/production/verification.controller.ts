import { createHash } from 'node:crypto';
import { Controller, Get, Param, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../http/auth.decorators';
import { cspHeader } from '../security/security-headers';
import { escapeHtml } from './card-html';
import { PublishedKeyDto, VerificationResultDto } from './http/verification.dto';
import { PublishedKey } from './qr-key-store';
import { VerificationResult, VerificationService } from './verification.service';

/**
 * Public (no authentication): the page a card's QR opens, and the public keys for offline
 * verifiers. Shows no more than the school and the cycle.
 */
@ApiTags('verificación pública')
@Public()
@Controller()
export class VerificationController {
  constructor(private readonly verification: VerificationService) {}

  @Get('verificar/claves')
  @ApiOperation({
    summary: 'Claves públicas de verificación',
    description: 'Acceso público, sin sesión. Claves Ed25519 (vigente y anteriores, por kid) para verificar credenciales sin conexión.',
  })
  @ApiOkResponse({ description: 'Lista de claves por identificador (kid).', type: [PublishedKeyDto] })
  keys(): Promise<PublishedKey[]> {
    return this.verification.publicKeys();
  }

  /** `/V/<digits>` is what cards print since issue 11 (compact form); `/verificar/<text>` what earlier cards carry. */
  @Get(['verificar/:payload', 'V/:payload'])
  @ApiOperation({
    summary: 'Verificar una credencial',
    description:
      'Acceso público, sin sesión. Comprueba la firma del código QR y el estado del folio; muestra solo escuela y ciclo. ' +
      'Las credenciales impresas llevan `/V/<dígitos>` (forma compacta); las anteriores, `/verificar/<KID.NUMERO.CCTT.CICLO.FIRMA>`. Ambas rutas aceptan ambas formas.',
  })
  @ApiParam({ name: 'payload', description: 'Contenido firmado del QR: forma compacta (solo dígitos) o de texto (KID.NUMERO.CCTT.CICLO.FIRMA).' })
  @ApiProduces('application/json', 'text/html')
  @ApiOkResponse({ description: 'Resultado de la verificación (JSON, o una página HTML si el navegador la pide). Nunca datos del alumno.', type: VerificationResultDto })
  async verify(@Param('payload') payload: string, @Req() req: Request): Promise<VerificationResult | string> {
    const result = await this.verification.verify(payload);
    const res = req.res!;
    if (req.accepts(['json', 'html']) === 'html') {
      res.type('html');
      res.setHeader('Content-Security-Policy', PAGE_CSP);
      return verificationPage(result);
    }
    return result;
  }
}

/** The page's only style, allowed by its hash: the page runs no script and loads nothing. */
const PAGE_STYLE =
  "body{font-family:'DejaVu Sans',sans-serif;max-width:34rem;margin:2rem auto;padding:0 1rem}.s{padding:1rem;border-radius:.5rem;background:#fbe4e4}.s.ok{background:#e3f4e6}dt{font-weight:bold;margin-top:.6rem}";
const PAGE_CSP = cspHeader({
  'default-src': ["'none'"],
  'style-src': [`'sha256-${createHash('sha256').update(PAGE_STYLE).digest('base64')}'`],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
});

function verificationPage(r: VerificationResult): string {
  const e = escapeHtml;
  const ok = r.signatureValid && r.status === 'VIGENTE';
  const rows = [
    r.folio ? `<dt>Folio</dt><dd>${e(r.folio)}</dd>` : '',
    r.school ? `<dt>Escuela</dt><dd>${e(r.school.name)}<br>CCT ${e(r.school.cct)} · ${e(r.school.turno)}</dd>` : '',
    r.cycleCode ? `<dt>Ciclo de expedición</dt><dd>${e(r.cycleCode)}</dd>` : '',
  ].join('');
  return `<!doctype html><html lang="es"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Verificación de credencial</title><style>${PAGE_STYLE}</style></head><body><h1>Verificación de credencial escolar</h1><p class="${ok ? 's ok' : 's'}" role="status">${e(r.message)}</p><dl>${rows}</dl></body></html>`;
}
