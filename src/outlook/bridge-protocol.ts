// The event channel between the isolated content script and the MAIN-world page bridge
// (page-bridge.ts). Both sides share the DOM but not JavaScript objects, so every `detail` is a
// JSON string: objects do not cross worlds (Chrome delivers null, Firefox an inaccessible wrapper).
//
//   isolated → page: RESOLVE_REQUEST, dispatched on the pill element (or, between a pop-out and
//                    its opener, on the opener's document), detail = JSON ResolveRequest
//   page → isolated: RESOLVE_RESPONSE, dispatched synchronously on the same target,
//                    detail = JSON ResolveAnswer ("{}" when nothing is known)
// Neither event bubbles, so OWA's own listeners never see them; the bridge listens in the
// capture phase on the document, which non-bubbling events still pass through.

export const RESOLVE_REQUEST = 'safesend:resolve';
export const RESOLVE_RESPONSE = 'safesend:resolved';

export interface ResolveRequest {
  /** The name the pill shows (presence words stripped), for the name→address lookup. */
  name?: string;
  /** Set when a pop-out's bridge forwards the lookup to its opener (never forwarded twice). */
  forwarded?: boolean;
}

export interface ResolveAnswer {
  address?: string;
  name?: string;
  /** Which layer answered: the pill's React props (L2) or OWA's own service traffic (L3). */
  via?: 'props' | 'traffic';
}
