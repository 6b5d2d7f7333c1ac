import { Migration } from '@mikro-orm/migrations';

/**
 * Student names (issue 11 item 11): stored in Unicode NFC from now on (the application normalises
 * what comes in; this turns what is already stored into NFC), and searched through `search_name`:
 * the three names in NFD with combining marks (U+0300–U+036F) removed, in lower case. "MÉNDEZ" typed
 * in composed form then finds a name imported with a combining accent, and "mendez" finds both.
 * No extension needed: normalize, regexp_replace and lower are immutable.
 */
export class Migration202612051100_student_names extends Migration {
  override async up(): Promise<void> {
    this.addSql(`update student set nombres = normalize(nombres, NFC), primer_apellido = normalize(primer_apellido, NFC), segundo_apellido = normalize(segundo_apellido, NFC)
      where nombres <> normalize(nombres, NFC) or primer_apellido <> normalize(primer_apellido, NFC) or segundo_apellido <> normalize(segundo_apellido, NFC);`);
    this.addSql(`alter table student add column search_name text generated always as (
      lower(regexp_replace(normalize(nombres || ' ' || primer_apellido || coalesce(' ' || segundo_apellido, ''), NFD), '[\\u0300-\\u036f]', '', 'g'))
    ) stored;`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table student drop column search_name;');
  }
}
