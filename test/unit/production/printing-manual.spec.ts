import { readFileSync } from 'node:fs';
import { manualHtml, manualPath } from '../../../src/production/printing-manual';

describe('printing manual', () => {
  it('turns the manual\'s Markdown into headings, paragraphs, lists and bold, escaping everything else', () => {
    const html = manualHtml(['# Título', '', 'Un **párrafo** que', 'sigue aquí.', '', '- uno', '  continúa', '- <b>dos</b>', '', '1. primero', '2. segundo', '', '## Sección'].join('\r\n'));
    expect(html.split('\n')).toEqual([
      '<h1>Título</h1>',
      '<p>Un <strong>párrafo</strong> que sigue aquí.</p>',
      '<ul>',
      '<li>uno continúa</li>',
      '<li>&lt;b&gt;dos&lt;/b&gt;</li>',
      '</ul>',
      '<ol>',
      '<li>primero</li>',
      '<li>segundo</li>',
      '</ol>',
      '<h2>Sección</h2>',
    ]);
  });

  it('the manual in docs/ covers the seed\'s rules for printing (planillas of 8, blanks cancelled, hologram after lamination)', () => {
    const html = manualHtml(readFileSync(manualPath(), 'utf8'));
    expect(html).toMatch(/^<h1>Manual para la impresión y el enmicado de credenciales<\/h1>/);
    expect(html).toContain('planillas de 8 credenciales');
    expect(html).toContain('cancela los lugares en blanco');
    expect(html).toContain('Se adhiere <strong>después de enmicar</strong>');
    expect(html).not.toMatch(/\*\*|^#/m);
  });
});
