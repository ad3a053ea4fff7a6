// Loads an OWA-like fixture page (test/fixtures/owa/) into happy-dom's window: its HTML with the
// shared stylesheet inlined (happy-dom does not fetch owa.css, and hidden panes are hidden by CSS),
// OWA's service calls answered by stubs serving the same JSON files the e2e harness serves, the
// page bridge installed first when asked (it runs at document_start in the browser), then owa.js.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, vi } from 'vitest';
import type { Draft, Recipient } from '../../../src/rules/types';
import { installPageBridge } from '../../../src/outlook/page-bridge';
import owaJs from '../../fixtures/owa/owa.js?raw';
import newMessage from '../../fixtures/owa/new-message.html?raw';
import inlineReply from '../../fixtures/owa/inline-reply.html?raw';
import olderEra from '../../fixtures/owa/older-era.html?raw';
import narrow from '../../fixtures/owa/narrow.html?raw';
import popout from '../../fixtures/owa/popout.html?raw';
import sharedMailbox from '../../fixtures/owa/shared-mailbox.html?raw';
import demo from '../../fixtures/owa/demo.html?raw';
import getMailTipsResponse from '../../fixtures/owa/service/GetMailTips.json?raw';
import findPeopleResponse from '../../fixtures/owa/service/FindPeople.json?raw';

// Vitest turns every .css import into an empty string (its `css` option), `?raw` included, so the
// stylesheet is read from disk (tests run from the repository root).
const owaCss = readFileSync(resolve(process.cwd(), 'test/fixtures/owa/owa.css'), 'utf8');

export const PAGES = {
  'new-message': newMessage,
  'inline-reply': inlineReply,
  'older-era': olderEra,
  narrow,
  popout,
  'shared-mailbox': sharedMailbox,
  demo,
} as const;
export type PageName = keyof typeof PAGES;

/** Which resolution layer reveals a recipient's address in the fixture (README.md). */
export type Layer = 'dom' | 'props' | 'traffic' | 'none';
export type ExpectedRecipient = Recipient & { layer: Layer };

export interface SentRecord {
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  via: string;
}

interface OwaWindow {
  __owaManual?: boolean;
  __owaSent: SentRecord[];
  __owaDiscarded: number;
  __owaReady: Promise<void>;
  __owaPopup?: Window & typeof globalThis;
  installOwa(win: Window, options: { signal: AbortSignal }): void;
}
export const owa = () => window as unknown as Window & OwaWindow;

/** Requests the fixture made, as the service stubs saw them. */
export interface ServiceCall {
  url: string;
  headers: Record<string, string>;
  body: unknown;
  transport: 'fetch' | 'xhr';
}

/** What the e2e harness serves for `/owa/service.svc?action=…` (README.md). */
export function serviceResponse(url: string): string {
  if (/action=GetMailTips/i.test(url)) return getMailTipsResponse;
  if (/action=FindPeople/i.test(url)) return findPeopleResponse;
  return '{}';
}

/** A minimal XMLHttpRequest that answers from serviceResponse() on the next task. */
class ServiceXhr extends EventTarget {
  static calls: ServiceCall[] = [];
  responseType: XMLHttpRequestResponseType = '';
  responseText = '';
  response: unknown = '';
  status = 0;
  readyState = 0;
  private url = '';
  private headers: Record<string, string> = {};
  open(_method: string, url: string): void {
    this.url = url;
    this.readyState = 1;
  }
  setRequestHeader(name: string, value: string): void {
    this.headers[name.toLowerCase()] = value;
  }
  send(body?: unknown): void {
    ServiceXhr.calls.push({ url: this.url, headers: this.headers, body, transport: 'xhr' });
    setTimeout(() => {
      this.status = 200;
      this.readyState = 4;
      this.responseText = serviceResponse(this.url);
      this.response = this.responseType === 'json' ? JSON.parse(this.responseText) : this.responseText;
      this.dispatchEvent(new Event('load'));
    }, 0);
  }
}

export interface LoadedPage {
  doc: Document;
  /** The draft the page declares, with addresses only for the layers given. */
  expected(layers?: Layer[]): Draft;
  calls: ServiceCall[];
  fetchStub: ReturnType<typeof vi.fn>;
  /** Aborted after the test: pass it to anything else installed for this page. */
  signal: AbortSignal;
  /** Resolves when the page's first GetMailTips and FindPeople calls (and their observation) are done. */
  ready(): Promise<void>;
}

let controller: AbortController | undefined;
const originalFetch = window.fetch;
const originalXhr = window.XMLHttpRequest;

afterEach(() => {
  controller?.abort();
  controller = undefined;
  window.fetch = originalFetch;
  window.XMLHttpRequest = originalXhr;
  owa().__owaPopup?.close();
});

/** Writes a fixture page into the document and installs OWA's imitation (and the bridge). */
export function loadPage(name: PageName, options: { bridge?: boolean; search?: string } = {}): LoadedPage {
  controller?.abort();
  controller = new AbortController();
  const { signal } = controller;
  const html = PAGES[name]
    .replace('<link rel="stylesheet" href="owa.css">', () => `<style>${owaCss}</style>`)
    .replace('<script src="owa.js"></script>', '');
  document.open();
  document.write(html);
  document.close();
  if (options.search !== undefined) window.history.replaceState(null, '', `/mail/${options.search}`);

  const calls: ServiceCall[] = [];
  ServiceXhr.calls = calls;
  const fetchStub = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    calls.push({ url, headers: { ...(init?.headers as Record<string, string>) }, body: init?.body, transport: 'fetch' });
    return new Response(serviceResponse(url), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  window.fetch = fetchStub as unknown as typeof fetch;
  window.XMLHttpRequest = ServiceXhr as unknown as typeof XMLHttpRequest;
  // The bridge runs at document_start: it wraps fetch/XHR before the page's script uses them.
  if (options.bridge) installPageBridge(window, signal);

  const win = owa();
  win.__owaSent = [];
  win.__owaDiscarded = 0;
  win.__owaManual = true;
  new Function(owaJs)();
  win.installOwa(window, { signal });

  return {
    doc: document,
    signal,
    calls,
    fetchStub,
    expected: (layers = ['dom']) => expectedDraft(document, layers),
    async ready() {
      await win.__owaReady;
      // Let the bridge finish reading the cloned responses.
      await new Promise((resolve) => setTimeout(resolve, 20));
    },
  };
}

/** The draft a fixture page declares (<script id="expected-draft">), for the layers available. */
export function expectedDraft(doc: Document, layers: Layer[]): Draft {
  const declared = JSON.parse(doc.getElementById('expected-draft')!.textContent!) as Omit<Draft, 'recipients'> & {
    recipients: ExpectedRecipient[];
  };
  const available = new Set<Layer>(['dom', ...layers]);
  return {
    ...declared,
    recipients: declared.recipients.map(({ layer, ...recipient }) => {
      if (available.has(layer)) return recipient;
      const { address: _hidden, ...withoutAddress } = recipient;
      return withoutAddress;
    }),
  };
}

/** Opens the pop-out of popout.html and waits for the opener's first service calls. */
export async function openPopout(): Promise<Document> {
  (document.getElementById('popOut') as HTMLButtonElement).click();
  const popup = owa().__owaPopup;
  if (!popup) throw new Error('the fixture did not open a pop-out');
  return popup.document;
}

/** Lets timers and promise callbacks run (OWA's Bcc toggle and service calls are asynchronous). */
export const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));
