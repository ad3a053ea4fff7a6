// Runs in the page's MAIN world (entrypoints/page-bridge.content.ts), where OWA's own JavaScript
// objects are visible, and answers the isolated content script's question "what is the address
// behind this pill?" (bridge-protocol.ts). Two layers, both read-only:
//   L2  the React props/fiber on the pill's elements (`__reactProps$…`, `__reactFiber$…`): OWA
//       passes the SMTP address down as props (persona `identifiers.Smtp`, `emailAddress`), so a
//       generic, depth-limited search for address-shaped fields finds it without knowing OWA's
//       component names;
//   L3  addresses OWA itself sent or received: its MailTips requests (`action=GetMailTips`, which
//       carry every recipient's name and address) and people-suggestion responses (FindPeople,
//       search suggestions). fetch and XMLHttpRequest are wrapped to OBSERVE those calls only: no
//       request or response is changed, responses are read from a clone, and what is learnt is a
//       small name→address map in this page's memory, never stored or sent anywhere.
// Nothing else of the page is touched, and no global is defined.
import { ADDRESS } from './address';
import { RESOLVE_REQUEST, RESOLVE_RESPONSE, type ResolveAnswer, type ResolveRequest } from './bridge-protocol';

/** Keys whose string value is an address when it looks like one (OWA, Graph and EWS spellings). */
const ADDRESS_KEY =
  /^(?:e?mail|smtp|address|emailaddress(?:es)?|smtpaddress|primarysmtpaddress|mailaddress|userprincipalname|upn)$/i;
const NAME_KEY = /^(?:display)?name$/i;
/** Never followed: links to parents, siblings and owners lead to OTHER recipients' props. */
const SKIP_KEY = /^(?:_owner|_store|_debug\w*|return|sibling|alternate|child|stateNode|ref|updateQueue)$/;
const REACT_KEY = /^__react(?:Props|Fiber|InternalInstance)\$/;
/** The service calls observed for L3, by URL. */
const OBSERVED = /[?&]action=(?:GetMailTips|FindPeople|ResolveNames)\b|\/search\/api\/v\d+\/suggestions/i;
const MAX_PROPS_NODES = 400;
const MAX_PROPS_DEPTH = 8;
const MAX_TRAFFIC_NODES = 20_000;
const MAX_TRAFFIC_CHARS = 4_000_000;
const MAX_NAMES = 2_000;
const MAX_PILL_ELEMENTS = 60;

type Bag = Record<string, unknown>;

/** A data property's value; accessors are never called (they could have side effects). */
function own(obj: object, key: string): unknown {
  const d = Object.getOwnPropertyDescriptor(obj, key);
  return d && 'value' in d ? d.value : undefined;
}

/** `SMTP:jane@nhs.net` → `jane@nhs.net`; undefined when not address-shaped. */
function asAddress(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim().replace(/^smtp:/i, '');
  return ADDRESS.test(text) ? text : undefined;
}

/** DOM nodes and windows are never followed (they lead to the whole page). */
function isHostObject(value: object): boolean {
  return 'nodeType' in value || 'window' in value;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** Names that refer to the same person: equal, or one is the other plus an organisation suffix. */
function namesAgree(a: string, b: string): boolean {
  const x = norm(a);
  const y = norm(b);
  return x === y || x.startsWith(`${y} `) || y.startsWith(`${x} `);
}

/** The address fields of one object: direct ones, or in a direct child object (EWS `EmailAddress: {EmailAddress}`). */
function addressOf(obj: Bag, depth = 0): string | undefined {
  for (const key of Object.keys(obj)) {
    if (!ADDRESS_KEY.test(key)) continue;
    const value = own(obj, key);
    const found = Array.isArray(value) ? asAddress(value[0]) : asAddress(value);
    if (found) return found;
    if (depth === 0 && value && typeof value === 'object' && !Array.isArray(value)) {
      const inner = addressOf(value as Bag, 1);
      if (inner) return inner;
    }
  }
  return undefined;
}

function nameOf(obj: Bag): string | undefined {
  for (const key of Object.keys(obj)) {
    const value = own(obj, key);
    if (NAME_KEY.test(key) && typeof value === 'string' && value.trim()) return value.trim();
  }
  return undefined;
}

/**
 * Breadth-first search of plain objects for an address-shaped field, nearest first. An object
 * that also names someone else than `expectedName` is passed over: shared context objects can
 * hold other recipients. Cycles, functions, DOM nodes and owner/parent links are not followed.
 */
export function searchAddress(roots: unknown[], expectedName?: string): string | undefined {
  const seen = new Set<object>();
  const queue: Array<[unknown, number]> = roots.map((r) => [r, 0]);
  for (let i = 0; i < queue.length && seen.size < MAX_PROPS_NODES; i++) {
    const [value, depth] = queue[i]!;
    if (!value || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    try {
      if (isHostObject(value)) continue;
      const obj = value as Bag;
      const address = addressOf(obj);
      if (address) {
        const name = nameOf(obj);
        if (!expectedName || !name || namesAgree(name, expectedName)) return address;
      }
      if (depth >= MAX_PROPS_DEPTH) continue;
      for (const key of Object.keys(obj)) {
        if (SKIP_KEY.test(key)) continue;
        const child = own(obj, key);
        if (child && typeof child === 'object') queue.push([child, depth + 1]);
      }
    } catch {
      // A revoked proxy or an exotic object: skip it.
    }
  }
  return undefined;
}

/** The props a pill's elements carry: their own, and those of the components that rendered them
 * up to (not including) the first element outside the pill. */
function reactPropsOf(pill: Element): unknown[] {
  const found: unknown[] = [];
  const elements = [pill, ...[...pill.querySelectorAll('*')].slice(0, MAX_PILL_ELEMENTS)];
  for (const el of elements) {
    for (const key of Object.keys(el)) {
      if (!REACT_KEY.test(key)) continue;
      const value = own(el, key);
      if (!value || typeof value !== 'object') continue;
      if (key.startsWith('__reactProps$')) {
        found.push(value);
        continue;
      }
      // A fiber: climb through the components that rendered this element.
      let fiber = value as Bag | undefined;
      for (let level = 0; fiber && level < 8; level++) {
        const node = own(fiber, 'stateNode') as Node | null | undefined;
        if (node && typeof node === 'object' && 'nodeType' in node && !pill.contains(node)) break;
        found.push(own(fiber, 'memoizedProps'));
        fiber = own(fiber, 'return') as Bag | undefined;
      }
    }
  }
  return found;
}

/** Name → addresses learnt from OWA's own service traffic (L3), in this page's memory only. */
class SeenAddresses {
  private readonly byName = new Map<string, Set<string>>();

  add(name: string, address: string): void {
    const key = norm(name);
    let set = this.byName.get(key);
    if (!set) {
      if (this.byName.size >= MAX_NAMES) this.byName.delete(this.byName.keys().next().value!);
      this.byName.set(key, (set = new Set()));
    }
    set.add(address.toLowerCase());
  }

  /** The address for a display name, only when the name maps to exactly one address. */
  lookup(name: string): string | undefined {
    const set = this.byName.get(norm(name));
    return set && set.size === 1 ? [...set][0] : undefined;
  }

  /** Records every (name, address) pair in a JSON value (EWS, Graph and search shapes alike). */
  learn(data: unknown): void {
    const queue = [data];
    for (let i = 0; i < queue.length && i < MAX_TRAFFIC_NODES; i++) {
      const value = queue[i];
      if (!value || typeof value !== 'object') continue;
      const obj = value as Bag;
      const name = Array.isArray(obj) ? undefined : nameOf(obj);
      const address = name && addressOf(obj);
      if (name && address) this.add(name, address);
      for (const key of Object.keys(obj)) {
        const child = own(obj, key);
        if (child && typeof child === 'object') queue.push(child);
      }
    }
  }

  /** Learns from a request or response body: JSON, or URI-encoded JSON (`x-owa-urlpostdata`). */
  learnText(text: unknown): void {
    if (typeof text !== 'string' || text.length > MAX_TRAFFIC_CHARS) return;
    try {
      const json = text.trimStart().startsWith('%7B') ? decodeURIComponent(text) : text;
      this.learn(JSON.parse(json));
    } catch {
      // Not JSON: nothing to learn.
    }
  }
}

/** OWA sends service.svc arguments in this header (URI-encoded JSON) as often as in the body. */
function postDataHeader(headers: unknown): string | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get('x-owa-urlpostdata') ?? undefined;
  const entries = Array.isArray(headers) ? headers : Object.entries(headers);
  for (const [k, v] of entries as Array<[string, unknown]>) {
    if (/^x-owa-urlpostdata$/i.test(k) && typeof v === 'string') return v;
  }
  return undefined;
}

function urlOf(input: unknown): string {
  if (typeof input === 'string') return input;
  if (input && typeof input === 'object' && 'url' in input) return String((input as Request).url);
  return String(input);
}

/** Wraps fetch and XMLHttpRequest to observe the calls in OBSERVED; restores them on abort. */
function observeTraffic(win: Window & typeof globalThis, seen: SeenAddresses, signal?: AbortSignal): void {
  const noop = () => {};
  const originalFetch = win.fetch;
  const fetchObserver = function (this: unknown, ...args: Parameters<typeof fetch>): Promise<Response> {
    const [input, init] = args;
    let observed = false;
    try {
      observed = !signal?.aborted && OBSERVED.test(urlOf(input));
      if (observed) {
        seen.learnText(postDataHeader(init?.headers ?? (input as Request).headers));
        if (init?.body !== undefined) seen.learnText(init.body);
        else if (input && typeof input === 'object' && 'clone' in input) input.clone().text().then((t) => seen.learnText(t), noop);
      }
    } catch {
      // Observation must never break the page's request.
    }
    const response = originalFetch.apply(this, args);
    // This callback is attached before the page gets the promise, so the clone is taken before
    // the page reads the body.
    if (observed) response.then((r) => r.clone().text()).then((t) => seen.learnText(t), noop);
    return response;
  };
  if (typeof originalFetch === 'function') win.fetch = fetchObserver;

  const proto = win.XMLHttpRequest?.prototype;
  const urls = new WeakMap<XMLHttpRequest, string>();
  const original = proto && { open: proto.open, send: proto.send, setRequestHeader: proto.setRequestHeader };
  const isObserved = (xhr: XMLHttpRequest) => !signal?.aborted && OBSERVED.test(urls.get(xhr) ?? '');
  const observers = original && {
    open(this: XMLHttpRequest, ...args: unknown[]) {
      urls.set(this, String(args[1]));
      return (original.open as (...a: unknown[]) => void).apply(this, args);
    },
    setRequestHeader(this: XMLHttpRequest, name: string, value: string) {
      if (isObserved(this) && /^x-owa-urlpostdata$/i.test(name)) seen.learnText(value);
      return original.setRequestHeader.call(this, name, value);
    },
    send(this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
      if (isObserved(this)) {
        seen.learnText(body);
        this.addEventListener('load', () => {
          try {
            if (this.responseType === 'json') seen.learn(this.response);
            else if (this.responseType === '' || this.responseType === 'text') seen.learnText(this.responseText);
          } catch {
            // Unreadable response: nothing to learn.
          }
        });
      }
      return original.send.call(this, body);
    },
  };
  if (proto && observers) Object.assign(proto, observers);

  signal?.addEventListener('abort', () => {
    // Only put back what is still ours: a later wrapper stays intact (ours then passes through).
    if (win.fetch === fetchObserver) win.fetch = originalFetch;
    if (proto && original && observers) {
      for (const key of ['open', 'send', 'setRequestHeader'] as const) {
        if (proto[key] === observers[key]) (proto as unknown as Bag)[key] = original[key];
      }
    }
  });
}

/**
 * Installs the bridge in `win` (the MAIN world of an OWA page or pop-out): answers resolve
 * requests and observes OWA's recipient traffic until `signal` aborts.
 */
export function installPageBridge(win: Window & typeof globalThis, signal?: AbortSignal): void {
  const seen = new SeenAddresses();
  observeTraffic(win, seen, signal);

  // A pop-out is rendered by its opener's React, whose service calls run in the opener: ask the
  // opener's bridge (same origin only) for names this window has not seen.
  const askOpener = (name: string): string | undefined => {
    try {
      const doc = (win.opener as Window | null)?.document;
      if (!doc || doc === win.document) return undefined;
      let detail: unknown;
      const listen = (e: Event) => {
        detail = (e as CustomEvent).detail;
      };
      doc.addEventListener(RESOLVE_RESPONSE, listen);
      const request: ResolveRequest = { name, forwarded: true };
      doc.dispatchEvent(new doc.defaultView!.CustomEvent(RESOLVE_REQUEST, { detail: JSON.stringify(request) }));
      doc.removeEventListener(RESOLVE_RESPONSE, listen);
      return asAddress((JSON.parse(String(detail)) as ResolveAnswer).address);
    } catch {
      return undefined;
    }
  };

  const answer = (event: Event) => {
    const target = event.target as Element | Document;
    let request: ResolveRequest = {};
    try {
      request = JSON.parse(String((event as CustomEvent).detail)) as ResolveRequest;
    } catch {
      // Malformed request: answer with nothing.
    }
    const name = typeof request.name === 'string' ? request.name : undefined;
    let reply: ResolveAnswer = {};
    const fromProps = target.nodeType === 1 ? searchAddress(reactPropsOf(target as Element), name) : undefined;
    if (fromProps) reply = { address: fromProps, via: 'props' };
    else if (name) {
      const fromTraffic = seen.lookup(name) ?? (request.forwarded ? undefined : askOpener(name));
      if (fromTraffic) reply = { address: fromTraffic, via: 'traffic' };
    }
    const view = (target.nodeType === 9 ? (target as Document) : target.ownerDocument!).defaultView!;
    target.dispatchEvent(new view.CustomEvent(RESOLVE_RESPONSE, { detail: JSON.stringify(reply) }));
  };
  const arm = () => win.document.addEventListener(RESOLVE_REQUEST, answer, { capture: true, signal });
  arm();
  // document.open() (a pop-out written with document.write) erases every listener and does not
  // inject content scripts again (test/e2e/harness/README.md, probe b): re-arm when a new root
  // element goes in. Adding the same listener twice is a no-op.
  const observer = new win.MutationObserver(arm);
  observer.observe(win.document, { childList: true });
  signal?.addEventListener('abort', () => observer.disconnect());
}
