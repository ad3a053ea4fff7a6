// A small, non-modal notice at the foot of the page: "Safe Send can't read this compose screen".
// The principle "never fail silently" (product.md) needs something the user sees in the page
// itself, not only the toolbar badge, which many people never look at. It does not block work,
// is announced politely to screen readers, and is closed with its button or Esc.
import { t } from '../i18n/index';
import { h } from './dom';

const HOST_TAG = 'safe-send-notice';

const css = `
:host{all:initial!important;position:fixed!important;inset:auto 16px 16px auto!important;z-index:2147483646!important;display:block!important}
.notice{box-sizing:border-box;max-width:min(420px,calc(100vw - 32px));display:flex;gap:12px;align-items:flex-start;padding:12px 12px 12px 16px;border-radius:8px;border-inline-start:4px solid #8a3707;background:#fff9f5;color:#242424;box-shadow:0 8px 24px rgba(0,0,0,.24);font:14px/20px "Segoe UI",system-ui,sans-serif}
p{margin:0}
strong{display:block;font-weight:600}
button{flex:none;min-width:32px;min-height:32px;border:1px solid #8a8a8a;border-radius:4px;background:#fff;color:#242424;font:inherit;cursor:pointer}
button:focus-visible{outline:2px solid #242424;outline-offset:2px}
`;

export interface NoticeOptions {
  message: string;
  signal?: AbortSignal;
}

/** Shows (or replaces) the notice in `doc`. Returns a function that removes it. */
export function showNotice(doc: Document, { message, signal }: NoticeOptions): () => void {
  doc.querySelector(HOST_TAG)?.remove();
  const host = doc.createElement(HOST_TAG);
  const root = host.attachShadow({ mode: 'open' });
  const close = h(doc, 'button', { type: 'button', 'aria-label': t('notice.close') }, '✕');
  const box = h(
    doc,
    'div',
    { class: 'notice', role: 'status' },
    h(doc, 'p', null, h(doc, 'strong', null, t('appName')), message),
    close,
  );
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style, box);
  const remove = () => host.remove();
  close.addEventListener('click', remove);
  box.addEventListener('keydown', (event) => {
    // Esc closes the notice; it must not reach OWA, where Esc discards the draft.
    event.stopPropagation();
    if (event.key === 'Escape') remove();
  });
  signal?.addEventListener('abort', remove, { once: true });
  (doc.body ?? doc.documentElement).append(host);
  return remove;
}
