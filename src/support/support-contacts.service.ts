import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Actor, STATE_ROLES } from '../access';
import { NotFoundError } from '../common/domain-error';
import { OfficeContactsDto, SetSupportContactsDto, SupportContactDto } from './support-contacts.dto';

type Row = Record<string, unknown>;

/** The code that names the central offices in the route (`PUT /support/contacts/CENTRAL`). */
export const CENTRAL_OFFICES = 'CENTRAL';
const CENTRAL_NAME = 'Oficinas centrales';

/**
 * Where a user asks for help (R10): the contacts of the offices of their DRSE (a Sub-DRSE's and its
 * DRSE's) and of the central offices; state roles see every DRSE's. Plain SQL, as the read side.
 */
@Injectable()
export class SupportContactsService {
  constructor(private readonly em: EntityManager) {}

  async forActor(actor: Actor): Promise<OfficeContactsDto[]> {
    const em = this.em.fork();
    const all = STATE_ROLES.includes(actor.role);
    const drses = await em.execute<Row[]>(
      all
        ? 'select code, name from drse order by code'
        : `select d.code, d.name from drse d
            where d.code = ? or d.code = (select parent_code from drse where code = ?)
            order by d.parent_code nulls first, d.code`,
      all ? [] : [actor.drseCode ?? '', actor.drseCode ?? ''],
    );
    const contacts = await em.execute<Row[]>('select drse_code, area, phone, extension, email from support_contact order by drse_code nulls first, position');
    const of = (code: string | null): SupportContactDto[] =>
      contacts
        .filter((c) => (c.drse_code ?? null) === code)
        .map((c) => ({ area: String(c.area), telefono: String(c.phone), ...(c.extension ? { extension: String(c.extension) } : {}), correo: String(c.email) }));
    return [
      ...drses.map((d) => ({ drseCode: String(d.code), nombre: String(d.name), contactos: of(String(d.code)) })),
      { drseCode: null, nombre: CENTRAL_NAME, contactos: of(null) },
    ];
  }

  /** Replaces the contacts of a DRSE (or of the central offices) with the given list, in order. */
  async set(actor: Actor, code: string, dto: SetSupportContactsDto): Promise<OfficeContactsDto> {
    const drseCode = code === CENTRAL_OFFICES ? null : code;
    return this.em.fork().transactional(async (em) => {
      let nombre = CENTRAL_NAME;
      if (drseCode !== null) {
        const [d] = await em.execute<Row[]>('select name from drse where code = ?', [drseCode]);
        if (!d) throw new NotFoundError('No existe esa DRSE.', 'drseCode');
        nombre = String(d.name);
      }
      await em.execute('delete from support_contact where drse_code is not distinct from ?', [drseCode]);
      for (const [i, c] of dto.contactos.entries()) {
        await em.execute(
          'insert into support_contact (drse_code, position, area, phone, extension, email, updated_by) values (?, ?, ?, ?, ?, ?, ?)',
          [drseCode, i + 1, c.area.trim(), c.telefono.trim(), c.extension ?? null, c.correo.trim().toLowerCase(), actor.id],
        );
      }
      return { drseCode, nombre, contactos: dto.contactos.map((c) => ({ ...c, area: c.area.trim(), telefono: c.telefono.trim(), correo: c.correo.trim().toLowerCase() })) };
    });
  }
}
