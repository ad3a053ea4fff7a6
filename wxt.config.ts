import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { defineConfig } from 'wxt';
import { OWA_MATCHES } from './src/outlook/hosts';
import { WARNING_CHUNK } from './src/ui/warning-chunk';

/**
 * The warning UI (src/ui/warning.ts) as an ES module the content script imports on first use,
 * so content.js stays within its budget (issue 3). esbuild (WXT's own dependency) bundles it;
 * WXT's Vite build would make it an IIFE, which has no exports. Shared modules (the reader's
 * selectors) are copied into it: they are stateless, so two copies behave as one.
 */
async function buildWarningChunk(root: string, version: string): Promise<string> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['src/ui/warning.ts'],
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    platform: 'browser',
    write: false,
    legalComments: 'none',
    define: { __SAFE_SEND_VERSION__: JSON.stringify(version) },
  });
  return result.outputFiles[0]!.text;
}

interface AstNode {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

/**
 * Rule descriptions (`meta.description`) are for the README, the options page and the meta-test;
 * the content script never shows them, and they are 1 kB of its 60 kB budget (issue 3). This
 * empties them in the content script's build only: the string literal inside
 * `defineRule({ meta: { description } })`, found in the parsed module (not by pattern), so
 * nothing else can change (test/unit/build/strip-rule-descriptions.test.ts).
 */
export function stripRuleDescriptions(code: string, parse: (code: string) => AstNode): string {
  const spans: Array<[number, number]> = [];
  const property = (object: unknown, name: string) =>
    (object as AstNode | undefined)?.type === 'ObjectExpression'
      ? ((object as { properties: AstNode[] }).properties.find(
          (p) => p.type === 'Property' && !p.computed && (p.key as { name?: string }).name === name,
        )?.value as AstNode | undefined)
      : undefined;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object' || typeof (node as AstNode).type !== 'string') return;
    const n = node as AstNode;
    if (n.type === 'CallExpression' && (n.callee as { name?: string }).name === 'defineRule') {
      const description = property(property((n.arguments as unknown[])[0], 'meta'), 'description');
      if (description && (description.type === 'Literal' || description.type === 'TemplateLiteral')) {
        spans.push([description.start, description.end]);
      }
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'type') visit(value);
  };
  visit(parse(code));
  return spans.sort((a, b) => b[0] - a[0]).reduce((out, [start, end]) => `${out.slice(0, start)}""${out.slice(end)}`, code);
}

/** The manifest's version, as WXT derives it from package.json (simplifyVersion). */
const packageVersion = (root: string): string =>
  /^((0|[1-9][0-9]{0,8})([.](0|[1-9][0-9]{0,8})){0,3})/.exec(
    (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version,
  )![1]!;

export default defineConfig({
  // Every word a person reads is a message in assets/locales/<locale>.yml (en_GB, the default,
  // is the source); @wxt-dev/i18n builds them into _locales/<locale>/messages.json for the
  // browser's i18n, and types `t` in src/i18n from en_GB.yml (issue 5). Absolute: WXT resolves
  // the module's folder from the working directory, not from here.
  modules: ['@wxt-dev/i18n/module'],
  i18n: { localesDir: fileURLToPath(new URL('./assets/locales', import.meta.url)) },
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'assets/public',
  // SAFE_SEND_OUT_DIR lets a second build (a benchmark, an experiment) run beside the tests' one.
  outDir: process.env.SAFE_SEND_OUT_DIR ?? '.output',
  // Explicit imports only: every dependency of a file is visible at its top.
  imports: false,
  // `npm run zip` (scripts/zip.mjs). Firefox's sources zip is for Mozilla's reviewers, who must be
  // able to rebuild the add-on from it: an allow-list, so nothing else in the working folder (test
  // output, demo output, screenshots, a policy file someone left lying about) can slip in. A
  // WXT `includeSources` match wins over `excludeSources`, so excluding everything keeps only these.
  // scripts/zip.mjs rebuilds from the zip and compares, so a file the build needs can't be missed.
  zip: {
    includeSources: [
      'package.json',
      'package-lock.json',
      'wxt.config.ts',
      'tsconfig.json',
      'entrypoints/**',
      'src/**',
      'assets/**',
      'README.md',
      'CHANGELOG.md',
    ],
    excludeSources: ['**/*'],
  },
  manifest: ({ browser }) => ({
    default_locale: 'en_GB',
    name: '__MSG_extension_name__',
    description: '__MSG_extension_description__',
    permissions: ['storage'],
    // The same hosts the content script runs on, and nothing broader. Content-script matches alone
    // do not let the popup see the active tab's url (checked in Chromium and Firefox ESR: both
    // return tabs without `url`); explicit host permissions do, with no new install warning.
    // WXT moves them into `permissions` for MV2.
    host_permissions: OWA_MATCHES,
    // Lets Chrome and Edge administrators see and set the policy (docs/deployment.md); generated
    // from the zod schema (src/policy/managed-schema.ts).
    storage: { managed_schema: 'managed_schema.json' },
    // The lazily loaded warning UI (src/ui/warning.ts). Chromium loads a content script's
    // import() with the page as initiator, so the file must be web-accessible: to OWA pages only,
    // and through a per-session URL so that no page can fetch it at its fixed address or use it
    // to detect the extension. Firefox loads it for the content script without being listed, and
    // MV2's list would open it to every page, so it is not listed there. Both are checked in
    // test/e2e/warning-chunk.test.ts.
    ...(browser === 'firefox'
      ? {}
      : { web_accessible_resources: [{ resources: [WARNING_CHUNK], matches: OWA_MATCHES, use_dynamic_url: true }] }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'safe-send@safe-send.example',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      viteConfig.plugins = [
        ...(viteConfig.plugins ?? []),
        {
          name: 'safe-send:strip-rule-descriptions',
          enforce: 'post', // after TypeScript: parse plain JavaScript
          transform(code, id) {
            if (!/[\\/]src[\\/]rules[\\/][\w-]+\.ts$/.test(id)) return null;
            return { code: stripRuleDescriptions(code, (c) => this.parse(c) as unknown as AstNode), map: null };
          },
        },
      ];
    },
    'build:publicAssets': async (wxt, files) => {
      const { root, manifest } = wxt.config;
      const version = manifest.version ?? packageVersion(root);
      files.push({ relativeDest: WARNING_CHUNK, contents: await buildWarningChunk(root, version) });
    },
    // Lets `browser.runtime.getURL('/warning.js')` type-check (WXT's PublicPath).
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push(WARNING_CHUNK);
    },
  },
});
