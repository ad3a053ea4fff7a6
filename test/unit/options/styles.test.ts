// The options page's stylesheet must not make the page fetch anything: nhsuk-frontend's defaults
// load fonts from https://assets.nhs.uk and icons from /assets/images/ (which would 404 inside
// the extension). Compiles assets/options/options.scss the way the build does and checks every
// URL left in it.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import * as sass from 'sass';

/** Vite inlines imported assets smaller than this as data: URLs (build.assetsInlineLimit default). */
const VITE_INLINE_LIMIT = 4096;

const css = sass.compile('assets/options/options.scss', { loadPaths: ['node_modules'], style: 'compressed', quietDeps: true, silenceDeprecations: ['import'] }).css;
const urls = [...css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)].map((m) => m[1]!);

describe('options.scss', () => {
  test('has no web address, font download or nhsuk /assets/images path', () => {
    expect(css).not.toMatch(/url\(\s*["']?(https?:)?\/\//);
    expect(urls.filter((url) => url.startsWith('/assets/'))).toEqual([]);
    expect(css).not.toContain('@font-face');
    expect(css).not.toContain('Frutiger');
  });

  test('every image it references is a small file in the package, which the build inlines', () => {
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) {
      if (url.startsWith('data:')) continue;
      expect(url).toMatch(/^\/node_modules\/nhsuk-frontend\/dist\/nhsuk\/assets\/images\/[\w-]+\.svg$/);
      const file = join(process.cwd(), url);
      expect(existsSync(file)).toBe(true);
      expect(statSync(file).size).toBeLessThan(VITE_INLINE_LIMIT);
    }
  });

  test('sets the page in the system font stack (nhsuk-frontend sets a font only with its Frutiger download)', () => {
    expect(css).toMatch(/html\{font-family:system-ui,/);
  });

  test('includes only the components the page uses (no header, footer, tables or cards)', () => {
    for (const unused of ['.nhsuk-header', '.nhsuk-footer', '.nhsuk-table__', '.nhsuk-card', '.nhsuk-hero']) expect(css).not.toContain(unused);
    for (const used of ['nhsuk-button', 'nhsuk-error-summary', 'nhsuk-radios', 'nhsuk-checkboxes', 'nhsuk-tag--red']) expect(css).toContain(used);
  });
});
