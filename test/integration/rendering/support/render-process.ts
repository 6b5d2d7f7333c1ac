/**
 * A process that renders one PDF with the renderer the API and the worker use, prints
 * "RENDERED <chromium pid>" and waits to be killed. Env: PROFILE_ROOT, CHROMIUM_PATH.
 */
import { PdfRenderer } from '../../../../src/rendering/pdf-renderer';

async function main(): Promise<void> {
  const renderer = new PdfRenderer({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', profileRoot: process.env.PROFILE_ROOT });
  await renderer.renderPdf('<!doctype html><meta charset="utf-8"><p>vivo</p>');
  process.stdout.write(`RENDERED ${renderer.browserPid()}\n`);
  setInterval(() => undefined, 60_000);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
