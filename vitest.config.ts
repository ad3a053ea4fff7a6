import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Tests are split by where they must run (Dark Reader's layout):
//   unit — pure code in Node (rules, policy, storage with fakeBrowser)
//   dom  — code that reads or edits the page, on fixtures under happy-dom
//   e2e  — the built extension in real Chromium and Firefox ESR (one browser at a time)
// Each has a browser i18n over assets/locales/en_GB.yml (test/i18n/setup*.ts): the code reads
// every word it shows from there.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node', setupFiles: ['test/i18n/setup.ts'] },
      },
      {
        plugins: [WxtVitest()],
        test: { name: 'dom', include: ['test/dom/**/*.test.ts'], environment: 'happy-dom', setupFiles: ['test/i18n/setup.ts'] },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/i18n/setup-node.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
