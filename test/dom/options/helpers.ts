// Mounting the options page under happy-dom with the real policy store, history and activity
// modules over WXT's in-memory fakeBrowser, and finding things the way a user (or a screen
// reader) does: by role and accessible name.
import { fireEvent, waitFor, within } from '@testing-library/dom';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browserServices } from '../../../src/options/browser-services';
import { mountOptionsPage, type OptionsPage } from '../../../src/options/page';
import type { OptionsServices } from '../../../src/options/services';

export interface Mounted {
  page: OptionsPage;
  screen: ReturnType<typeof within>;
  downloads: Array<{ fileName: string; text: string; type: string }>;
  services: OptionsServices;
  unmount(): void;
}

/** A fixed "now" so the activity window and file names do not depend on the day the tests run. */
export const NOW = new Date(2026, 2, 15, 10, 30);

export async function mount(overrides: Partial<OptionsServices> = {}): Promise<Mounted> {
  document.body.innerHTML = '<div id="app"></div>';
  const downloads: Mounted['downloads'] = [];
  const services: OptionsServices = {
    ...browserServices(),
    download: (fileName, text, type) => downloads.push({ fileName, text, type }),
    now: () => NOW,
    ...overrides,
  };
  const controller = new AbortController();
  const page = await mountOptionsPage(document.getElementById('app')!, services, controller.signal);
  return { page, screen: within(document.body), downloads, services, unmount: () => controller.abort() };
}

export function resetBrowser(): void {
  fakeBrowser.reset();
  document.body.innerHTML = '';
}

/** Type into a box the way the browser reports it: the value changes, then `input` fires. */
export function type(element: HTMLElement, text: string): void {
  fireEvent.input(element, { target: { value: text } });
}

/** Finish an edit (the `change` event browsers fire when a text box loses focus). */
export function commit(element: HTMLElement, text: string): void {
  type(element, text);
  fireEvent.change(element);
}

/** The accessible description of a control: its hint and error message, as a screen reader reads them. */
export function description(element: Element): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
    .join(' ');
}

/** Choose a file in an `<input type="file">`. */
export function chooseFile(input: HTMLInputElement, file: File): void {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

/** Let storage reads, writes and the page's debounced updates finish. */
export async function settle(ms = 350): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

export { waitFor };
