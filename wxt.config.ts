import { defineConfig } from 'wxt';


export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'assets/public',
  outDir: '.output',
  // Explicit imports only: every dependency of a file is visible at its top.
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Safe Send for NHSmail',
    description:
      'Checks each email before it leaves Outlook on the web and warns when it is going to the wrong people.',
    permissions: ['storage'],
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
