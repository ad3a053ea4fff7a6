#!/usr/bin/env node
// Looks at the warning dialog in headless Chromium: screenshots (normal, 320 px, 200% zoom,
// after a fix, a failed fix, keyboard focus) and axe-core with colour contrast, which happy-dom
// cannot measure. For a person's visual check; writes to a temp folder (never commit the PNGs).
//   node test/dom/ui/preview/screenshot.mjs [outDir]
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = fileURLToPath(new URL('.', import.meta.url));
const out = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'safe-send-dialog-'));
mkdirSync(out, { recursive: true });
// The dialog's words, as the build makes _locales/en_GB/messages.json (preview/i18n.ts reads them).
const messages = generateChromeMessages(await parseMessagesFile(join(here, '../../../../assets/locales/en_GB.yml')));
const bundle = await build({
  entryPoints: [join(here, 'preview.ts')],
  bundle: true,
  format: 'iife',
  write: false,
  define: { __SAFE_SEND_MESSAGES__: JSON.stringify(messages) },
});
// A plain stand-in for OWA's compose screen behind the dialog.
const page = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<style>body{margin:0;font:14px "Segoe UI",sans-serif;background:#f5f5f5}.bar{background:#0f6cbd;color:#fff;padding:12px 16px}
.compose{margin:16px;background:#fff;padding:16px;border-radius:4px}input,div[contenteditable]{display:block;width:100%;margin:6px 0;padding:6px;border:1px solid #ccc}</style></head>
<body><div class="bar">Outlook</div><div class="compose"><button id="send">Send</button><div contenteditable aria-label="To">jane@nhs.nte; reception@gmial.com</div>
<input aria-label="Subject" value="Discharge 943 476 5919 Mrs Smith"><div contenteditable aria-label="Message body" style="height:200px">Hello,</div></div>
<script>${bundle.outputFiles[0].text}</script></body></html>`;
writeFileSync(join(out, 'preview.html'), page);

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const axeSource = readFileSync(new URL(import.meta.resolve('axe-core/axe.min.js')), 'utf8');

async function shot(name, { width = 1280, height = 800, zoom = 1, set = 'mixed', fail = false, act } = {}) {
  // 200% browser zoom = half the CSS pixels at twice the device pixels.
  const context = await browser.newContext({ viewport: { width: width / zoom, height: height / zoom }, deviceScaleFactor: zoom });
  const tab = await context.newPage();
  await tab.goto(`file://${join(out, 'preview.html')}`);
  await tab.evaluate(() => document.getElementById('send').focus());
  await tab.evaluate(([s, f]) => void window.preview(s, f), [set, fail]);
  await tab.getByRole('alertdialog', { name: 'Check before you send' }).waitFor();
  await tab.waitForTimeout(250); // opening animation
  if (act) await act(tab);
  await tab.screenshot({ path: join(out, `${name}.png`) });
  await tab.addScriptTag({ content: axeSource });
  const violations = await tab.evaluate(async () => {
    // axe-core 4.14 cannot work out the background of text outside <body> ("Unable to determine
    // contrast ratio" for everything), and the host lives on <html>. For the audit only, move it
    // into <body> (the dialog stays open, non-modal; the colours are the same).
    // (Re-inserting restarts the opening animation: wait for it, or axe sees opacity 0.)
    document.body.append(document.querySelector('safe-send-dialog'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const r = await window.axe.run({ include: { fromShadowDom: ['safe-send-dialog', 'dialog'] } });
    const contrast = r.passes.find((p) => p.id === 'color-contrast')?.nodes.length ?? 0;
    return [
      ...r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.failureSummary).join(' | ')}`),
      ...r.incomplete.map((v) => `(needs review) ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
      `${r.passes.length} rules passed, colour contrast checked on ${contrast} elements`,
    ];
  });
  const overflow = await tab.evaluate(() => document.documentElement.scrollWidth > innerWidth);
  console.log(`${name}: axe ${violations.join('\n  ')}${overflow ? ' (page scrolls sideways!)' : ''}`);
  await context.close();
}

const fix = (label) => async (tab) => {
  await tab.getByRole('button', { name: label }).click();
  await tab.waitForTimeout(500);
};
await shot('1-normal');
await shot('2-narrow-320', { width: 320, height: 640 });
await shot('3-zoom-200', { zoom: 2 });
await shot('4-warn-confirm', { set: 'warn' });
await shot('5-large', { set: 'large', act: async (tab) => tab.getByText('Show 25 more').click() });
await shot('6-after-fix', { set: 'large', act: fix('Move 30 to Bcc') });
await shot('7-fix-failed', { set: 'warn', fail: true, act: fix('Change nhs.nte to nhs.net') });
await shot('8-focus-ring', { set: 'warn', act: async (tab) => { await tab.keyboard.press('Tab'); await tab.keyboard.press('Tab'); } });
await shot('9-busy', { set: 'warn', act: async (tab) => { await tab.getByRole('button', { name: 'Change nhs.nte to nhs.net' }).click(); } });
for (const reducedMotion of ['no-preference', 'reduce']) {
  const context = await browser.newContext({ reducedMotion });
  const tab = await context.newPage();
  await tab.goto(`file://${join(out, 'preview.html')}`);
  const running = await tab.evaluate(() => {
    void window.preview('warn');
    return document.querySelector('safe-send-dialog').shadowRoot.querySelector('dialog').getAnimations({ subtree: true }).length;
  });
  console.log(`prefers-reduced-motion: ${reducedMotion} → ${running} animation(s) on open`);
  await context.close();
}
await browser.close();
console.log(`screenshots in ${out}`);
