// The isolated content script's side of the page bridge (bridge-protocol.ts): asks the MAIN-world
// script for the address behind a pill that shows only a name. DOM events dispatch synchronously,
// so the answer (if any bridge is listening) is there when dispatchEvent returns and readDraft
// stays synchronous.
import { ADDRESS, type NameAndAddress } from './address';
import { RESOLVE_REQUEST, RESOLVE_RESPONSE, type ResolveRequest } from './bridge-protocol';

/** The address (and name) the page bridge finds for a pill; undefined when it has none. */
export function resolveViaPageBridge(pill: Element, name?: string): NameAndAddress | undefined {
  let detail: unknown;
  const listen = (event: Event) => {
    detail = (event as CustomEvent).detail;
  };
  const request: ResolveRequest = name ? { name } : {};
  pill.addEventListener(RESOLVE_RESPONSE, listen);
  try {
    pill.dispatchEvent(new CustomEvent(RESOLVE_REQUEST, { detail: JSON.stringify(request) }));
  } finally {
    pill.removeEventListener(RESOLVE_RESPONSE, listen);
  }
  if (typeof detail !== 'string') return undefined;
  try {
    // The page can answer anything: accept only an address-shaped string.
    const answer = JSON.parse(detail) as { address?: unknown; name?: unknown };
    if (typeof answer.address !== 'string' || !ADDRESS.test(answer.address)) return undefined;
    return typeof answer.name === 'string' && answer.name
      ? { address: answer.address, name: answer.name }
      : { address: answer.address };
  } catch {
    return undefined;
  }
}
