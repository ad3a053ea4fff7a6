import { defineConfig } from 'wxt';
import { OWA_MATCHES } from './src/outlook/hosts';

export default defineConfig({
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
    name: 'Safe Send for NHSmail',
    description:
      'Checks each email before it leaves Outlook on the web and warns when it is going to the wrong people.',
    permissions: ['storage'],
    // The same hosts the content script runs on, and nothing broader. Content-script matches alone
    // do not let the popup see the active tab's url (checked in Chromium and Firefox ESR: both
    // return tabs without `url`); explicit host permissions do, with no new install warning.
    // WXT moves them into `permissions` for MV2.
    host_permissions: OWA_MATCHES,
    // Lets Chrome and Edge administrators see and set the policy (docs/deployment.md); generated
    // from the zod schema (src/policy/managed-schema.ts).
    storage: { managed_schema: 'managed_schema.json' },
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
});
