// The address layers behind a name-only pill, each on its own: L2 (React props in the MAIN world)
// and L3 (OWA's own service traffic), over the synchronous event channel.
import { describe, expect, test } from 'vitest';
import { resolveViaPageBridge } from '../../../src/outlook/bridge';
import { RESOLVE_REQUEST, RESOLVE_RESPONSE } from '../../../src/outlook/bridge-protocol';
import { findComposeRoots } from '../../../src/outlook/index';
import { installPageBridge, searchAddress } from '../../../src/outlook/page-bridge';
import { readPill } from '../../../src/outlook/recipients';
import findPeopleResponse from '../../fixtures/owa/service/FindPeople.json?raw';
import getMailTipsResponse from '../../fixtures/owa/service/GetMailTips.json?raw';
import { loadPage, openPopout, owa, tick } from './fixture';

/** The pill in the To well whose visible name is `name`. */
function pillNamed(doc: Document, name: string): Element {
  const pill = [...doc.querySelectorAll('[aria-label="To"] > .owaPill')].find((p) => readPill(p).name === name);
  if (!pill) throw new Error(`no pill named ${name}`);
  return pill;
}

/** A name-only pill of our own (like one OWA renders), for traffic-only lookups. */
function addNamePill(doc: Document, name: string): Element {
  const pill = doc.createElement('div');
  pill.setAttribute('contenteditable', 'false');
  pill.innerHTML = '<button type="button"><span class="textContainer-1"></span></button><button type="button" aria-label="Remove">×</button>';
  pill.querySelector('span')!.textContent = name;
  doc.querySelector('[aria-label="To"]')!.prepend(pill);
  return pill;
}

describe('without a page bridge', () => {
  test('nobody answers: the pill stays without an address (unverified, never guessed)', () => {
    const page = loadPage('new-message');
    expect(resolveViaPageBridge(pillNamed(page.doc, 'Jane Smith (LEEDS TEACHING HOSPITALS NHS TRUST)'), 'Jane Smith')).toBeUndefined();
  });

  test('an answer that is not an address is refused', () => {
    const page = loadPage('new-message');
    const pill = pillNamed(page.doc, 'Tom Baker');
    pill.ownerDocument.addEventListener(
      RESOLVE_REQUEST,
      (e) => e.target!.dispatchEvent(new CustomEvent(RESOLVE_RESPONSE, { detail: JSON.stringify({ address: 'not an address <x>' }) })),
      { capture: true, signal: page.signal },
    );
    expect(resolveViaPageBridge(pill, 'Tom Baker')).toBeUndefined();
  });
});

describe('L2: React props and fibers on the pill (MAIN world)', () => {
  /** The bridge installed after the page's first service calls: it has seen no traffic (no L3). */
  const propsOnly = () => {
    const page = loadPage('new-message');
    installPageBridge(window, page.signal);
    return page;
  };

  test.each([
    ['Jane Smith (LEEDS TEACHING HOSPITALS NHS TRUST)', 'jane.smith@nhs.net', 'props.children.props.persona.identifiers.Smtp on the pill'],
    ['Tom Baker', 'tom.baker@nhs.net', 'props.recipient.emailAddress on a descendant of the pill'],
    ['Mark Jones', 'mark.jones@nhs.net', 'a __reactFiber$ whose parent component holds EmailAddress.Address'],
  ])('%s → %s (%s)', (name, address) => {
    const page = propsOnly();
    expect(resolveViaPageBridge(pillNamed(page.doc, name), name)).toEqual({ address });
  });

  test("a pill whose props hold no address of its own gets none: owner, ref, context and sibling links lead to other people", () => {
    // Priya's props: a persona without identifiers; `_owner` (every recipient), `ref` (the well),
    // and `context` (Jane) all hold OTHER addresses.
    const page = propsOnly();
    expect(resolveViaPageBridge(pillNamed(page.doc, 'Priya Patel'), 'Priya Patel')).toBeUndefined();
    expect(resolveViaPageBridge(pillNamed(page.doc, 'Chris Taylor'), 'Chris Taylor')).toBeUndefined();
  });

  test('the search reads data only: no getter is called, no DOM node or function followed, cycles end', () => {
    let getterCalls = 0;
    const cyclic: Record<string, unknown> = { name: 'Loop' };
    cyclic.self = cyclic;
    const withGetter = Object.defineProperty({}, 'emailAddress', {
      enumerable: true,
      get: () => {
        getterCalls += 1;
        return 'getter@example.com';
      },
    });
    const domNode = document.createElement('div');
    (domNode as unknown as Record<string, unknown>).emailAddress = 'node@example.com';
    const fn = Object.assign(() => {}, { emailAddress: 'fn@example.com' });
    expect(searchAddress([{ cyclic, withGetter, domNode, fn }])).toBeUndefined();
    expect(getterCalls).toBe(0);
  });

  test('the search is nearest-first, skips objects naming someone else, and is bounded', () => {
    expect(searchAddress([{ deep: { deeper: { mail: 'far@example.com' } }, near: { Smtp: 'SMTP:near@example.com' } }])).toBe(
      'near@example.com',
    );
    expect(searchAddress([{ a: { displayName: 'Jane Smith', emailAddress: 'jane@nhs.net' } }], 'Priya Patel')).toBeUndefined();
    expect(searchAddress([{ a: { displayName: 'Jane Smith (LEEDS)', emailAddress: 'jane@nhs.net' } }], 'Jane Smith')).toBe('jane@nhs.net');
    // Deeper than the depth limit: not found.
    let nested: Record<string, unknown> = { emailAddress: 'deep@example.com' };
    for (let i = 0; i < 12; i++) nested = { child_: nested };
    expect(searchAddress([nested])).toBeUndefined();
    // Wider than the node budget: stops without finding the needle at the end.
    const wide = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, { v: i }]));
    expect(searchAddress([{ ...wide, z: { mail: 'last@example.com' } }])).toBeUndefined();
  });

  test('a document rewritten with document.open/write (which erases listeners) is answered again', async () => {
    loadPage('new-message');
    const bridge = new AbortController();
    installPageBridge(window, bridge.signal);
    const again = loadPage('new-message'); // document.open + write, as a pop-out written by its opener
    await tick();
    try {
      expect(resolveViaPageBridge(pillNamed(again.doc, 'Tom Baker'), 'Tom Baker')).toEqual({ address: 'tom.baker@nhs.net' });
    } finally {
      bridge.abort();
    }
  });

  test('readDraft resolves through the bridge synchronously, then stops when the bridge is aborted', () => {
    const page = loadPage('new-message');
    const controller = new AbortController();
    installPageBridge(window, controller.signal);
    const pill = pillNamed(page.doc, 'Jane Smith (LEEDS TEACHING HOSPITALS NHS TRUST)');
    expect(resolveViaPageBridge(pill)?.address).toBe('jane.smith@nhs.net');
    controller.abort();
    expect(resolveViaPageBridge(pill)).toBeUndefined();
  });
});

describe('L3: addresses in OWA\'s own traffic (observed, never changed)', () => {
  test('GetMailTips request header (x-owa-urlpostdata) teaches name → address', async () => {
    const page = loadPage('new-message', { bridge: true });
    await page.ready();
    const mailTips = page.calls.find((c) => /GetMailTips/.test(c.url))!;
    expect(decodeURIComponent(mailTips.headers['x-owa-urlpostdata']!)).toContain('priya.patel@oakwoodcare.org.uk');
    expect(resolveViaPageBridge(pillNamed(page.doc, 'Priya Patel'), 'Priya Patel')).toEqual({ address: 'priya.patel@oakwoodcare.org.uk' });
  });

  test('a FindPeople response (XMLHttpRequest) teaches names the page never sent', async () => {
    const page = loadPage('new-message', { bridge: true });
    await page.ready();
    expect(page.calls.some((c) => c.transport === 'xhr' && /FindPeople/.test(c.url))).toBe(true);
    const sam = addNamePill(page.doc, 'Sam Okafor');
    expect(resolveViaPageBridge(sam, 'Sam Okafor')).toEqual({ address: 'sam.okafor@leeds.gov.uk' });
  });

  test('a name that maps to two addresses is not answered', async () => {
    const page = loadPage('new-message', { bridge: true });
    await page.ready();
    // FindPeople lists two Chris Taylors (nhs.net and leedsth.nhs.uk).
    expect(resolveViaPageBridge(pillNamed(page.doc, 'Chris Taylor'), 'Chris Taylor')).toBeUndefined();
  });

  test('only the observed actions are read; other service calls teach nothing', async () => {
    const page = loadPage('new-message', { bridge: true });
    page.fetchStub.mockImplementationOnce(
      async () => new Response(JSON.stringify({ Items: [{ Name: 'Kim Lee', EmailAddress: 'kim.lee@example.com' }] })),
    );
    await (await window.fetch('/owa/service.svc?action=GetItem&app=Mail')).text();
    await tick(10);
    expect(resolveViaPageBridge(addNamePill(page.doc, 'Kim Lee'), 'Kim Lee')).toBeUndefined();
  });

  test('observation changes nothing: same arguments reach fetch, the page still reads the body', async () => {
    const page = loadPage('new-message', { bridge: true });
    await page.ready();
    const init = { method: 'POST', headers: { 'x-owa-urlpostdata': encodeURIComponent('{"Name":"Ann","EmailAddress":"ann@nhs.net"}') } };
    const response = await window.fetch('/owa/service.svc?action=GetMailTips&app=Mail', init);
    expect(page.fetchStub).toHaveBeenLastCalledWith('/owa/service.svc?action=GetMailTips&app=Mail', init);
    expect(await response.text()).toBe(getMailTipsResponse);
    expect(resolveViaPageBridge(addNamePill(page.doc, 'Ann'), 'Ann')).toEqual({ address: 'ann@nhs.net' });
  });

  test('the page\'s own XMLHttpRequest load handler sees the same response', async () => {
    const page = loadPage('new-message', { bridge: true });
    await page.ready();
    const xhr = new window.XMLHttpRequest();
    const seen = new Promise<string>((resolve) => xhr.addEventListener('load', () => resolve(xhr.responseText)));
    xhr.open('POST', '/owa/service.svc?action=FindPeople&app=Mail');
    xhr.send('{}');
    expect(await seen).toBe(findPeopleResponse);
  });

  test('aborting the bridge puts fetch and XMLHttpRequest back as they were', () => {
    const page = loadPage('new-message');
    const fetchBefore = window.fetch;
    const sendBefore = window.XMLHttpRequest.prototype.send;
    const controller = new AbortController();
    installPageBridge(window, controller.signal);
    expect(window.fetch).not.toBe(fetchBefore);
    expect(window.XMLHttpRequest.prototype.send).not.toBe(sendBefore);
    controller.abort();
    expect(window.fetch).toBe(fetchBefore);
    expect(window.XMLHttpRequest.prototype.send).toBe(sendBefore);
    expect(page.doc).toBe(document);
  });

  test('a pop-out asks its opener, whose fetch carried the GetMailTips call', async () => {
    const page = loadPage('popout', { bridge: true });
    const popupDoc = await openPopout();
    await page.ready();
    const popup = owa().__owaPopup!;
    const priya = pillNamed(popupDoc, 'Priya Patel');
    expect(resolveViaPageBridge(priya, 'Priya Patel')).toBeUndefined(); // no bridge in the pop-out yet
    installPageBridge(popup, page.signal);
    expect(resolveViaPageBridge(priya, 'Priya Patel')).toEqual({ address: 'priya.patel@oakwoodcare.org.uk' });
    expect(findComposeRoots(popupDoc)).toHaveLength(1);
  });
});
