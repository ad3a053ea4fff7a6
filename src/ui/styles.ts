// The dialog's styles, inside its shadow root so OWA's CSS cannot reach them (and ours cannot
// leak out). Fluent-like so it sits comfortably next to Outlook: Segoe UI, 4–8 px radii, brand
// blue #0f6cbd. Contrast (WCAG 2.2 AA) measured on white unless said:
//   text #242424 15.5:1 · muted #616161 6.2:1 · brand #0f6cbd 5.4:1 · focus ring #242424 (offset 2px, so it shows on filled buttons too)
//   block #b10e1c on #fdf3f4 6.6:1 · warn #8a3707 on #fff9f5 7.7:1 · info #0f548c on #ebf3fc 7.0:1
//   ok #0e700e on #f1faf1 5.9:1 · mark text #242424 on #fde7a9 12.7:1 · button border #8a8a8a 3.5:1
// Empty messages and live regions stay rendered (zero height, no `display:none`): a live region
// must be in the accessibility tree before its text changes or it is not announced.
// Sizes are px on purpose: rem would follow OWA's root font size, not the user's zoom.
// `:host` rules are !important because, for important declarations, the shadow tree's win over
// the page's (CSS Cascade 4, "context"), so no OWA rule can hide or restyle the host.
export const css = `
:host{all:initial!important;display:block!important;visibility:visible!important;position:fixed!important;z-index:2147483647!important}
*{box-sizing:border-box}
dialog{position:fixed;inset:0;margin:auto;width:min(560px,calc(100vw - 16px));max-width:none;max-height:calc(100dvh - 16px);padding:0;border:1px solid transparent;border-radius:8px;background:#fff;color:#242424;box-shadow:0 0 2px rgba(0,0,0,.12),0 28px 64px rgba(0,0,0,.28);display:flex;flex-direction:column;overflow:hidden;font:14px/20px "Segoe UI",system-ui,sans-serif}
dialog::backdrop{background:rgba(0,0,0,.4)}
@media (prefers-reduced-motion:no-preference){dialog[open]{animation:ss-in .15s cubic-bezier(.1,.9,.2,1)}@keyframes ss-in{from{opacity:0;transform:translateY(8px) scale(.98)}}}
.head{padding:20px 24px 8px}
.brand{display:flex;align-items:center;gap:6px;margin:0 0 4px;color:#616161;font-size:12px;line-height:16px;font-weight:600}
.brand svg{width:16px;height:16px;fill:#0f6cbd;flex:none}
h2{margin:0;font-size:20px;line-height:28px;font-weight:600}
.intro{margin:4px 0 0}
.body{flex:1 1 auto;overflow:auto;overscroll-behavior:contain;padding:8px 24px 4px}
h3{display:flex;align-items:center;gap:8px;margin:8px 0;font-size:14px;line-height:20px;font-weight:600}
h3::before{content:"i"/"";flex:none;width:20px;height:20px;border-radius:50%;font:700 13px/20px Georgia,serif;text-align:center;color:#fff;background:#0f548c}
.block h3::before{content:"\\2715"/"";font:700 11px/20px system-ui,sans-serif;background:#b10e1c}
.warn h3::before{content:"!"/"";font:700 14px/20px system-ui,sans-serif;background:#8a3707}
ul{list-style:none;margin:0;padding:0}
.finding{margin:0 0 8px;padding:10px 12px;border-radius:4px;border-inline-start:4px solid #0f548c;background:#ebf3fc}
.block .finding{border-color:#b10e1c;background:#fdf3f4}
.warn .finding{border-color:#8a3707;background:#fff9f5}
.finding>p{margin:0}
.evidence{margin:8px 0 0;padding:6px 8px;border-radius:4px;background:#fff;border:1px solid #d1d1d1}
.source{display:block;color:#616161;font-size:12px;line-height:16px}
.exact{font-family:ui-monospace,Consolas,"Cascadia Mono",Menlo,monospace;font-size:14px;overflow-wrap:anywhere;white-space:pre-wrap}
mark{background:#fde7a9;color:#242424;font-weight:700;text-decoration:underline 2px;text-underline-offset:3px;border-radius:2px;padding:0 1px}
.suggest{display:block;margin-top:2px}
.who{margin:8px 0 0}
.who ul{columns:auto 210px;column-gap:16px}
.who li{break-inside:avoid}
.who li,.confirm li{overflow-wrap:anywhere;padding:2px 0}
.field{display:inline-block;margin-inline-start:6px;padding:0 6px;border-radius:8px;background:#fff;border:1px solid #8a8a8a;font-size:12px;line-height:16px;color:#424242}
details summary{cursor:pointer;color:#0f6cbd;padding:2px 0;width:max-content;max-width:100%}
.confirm{margin:8px 0 0}
.confirm label{display:flex;align-items:flex-start;gap:8px;padding:4px 0;cursor:pointer}
input[type=checkbox]{flex:none;width:18px;height:18px;margin:1px 0 0;accent-color:#0f6cbd}
.fixes{display:flex;flex-wrap:wrap;gap:8px;margin:10px 0 0}
.error{margin:0;color:#b10e1c;font-weight:600}
.error:not(:empty){margin-top:8px}
.foot{padding:12px 24px 20px;border-top:1px solid #e0e0e0}
.status{margin:0;font-weight:600}
.status.ok{padding:8px 12px;border-radius:4px;color:#0e700e;background:#f1faf1}
.why{margin:0;color:#616161}
.status:not(:empty),.why:not(:empty){margin-bottom:8px}
.actions{display:flex;flex-wrap:wrap;justify-content:flex-end;gap:8px}
button{font:inherit;font-weight:600;min-height:32px;min-width:96px;padding:5px 12px;border-radius:4px;border:1px solid #8a8a8a;background:#fff;color:#242424;cursor:pointer;text-align:center;overflow-wrap:anywhere}
button:hover{background:#f5f5f5}
button.primary{background:#0f6cbd;border-color:#0f6cbd;color:#fff}
button.primary:hover{background:#115ea3}
.fixes button{min-width:0;color:#0f548c;border-color:#0f6cbd}
button[aria-disabled=true]{background:#f0f0f0;border-color:#e0e0e0;color:#616161;cursor:not-allowed}
button[aria-busy=true]{cursor:progress;background:#fff;color:#0f548c;border-color:#0f6cbd}
button[aria-busy=true]::before{content:"";display:inline-block;width:12px;height:12px;margin-inline-end:6px;vertical-align:-1px;border:2px solid currentColor;border-top-color:transparent;border-radius:50%}
@media (prefers-reduced-motion:no-preference){button[aria-busy=true]::before{animation:ss-spin .8s linear infinite}@keyframes ss-spin{to{transform:rotate(360deg)}}}
:focus{outline:none}
:focus-visible{outline:2px solid #242424;outline-offset:2px}
.sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap;border:0}
@media (max-width:480px){.head{padding:16px 16px 8px}.body{padding:8px 16px 4px}.foot{padding:12px 16px 16px}.actions button{flex:1 1 100%}}
@media (max-height:480px){dialog{overflow:auto}.body{flex:none;overflow:visible}}
@media (forced-colors:active){dialog{border-color:CanvasText}mark{background:Mark;color:MarkText}button[aria-disabled=true]{color:GrayText;border-color:GrayText}.finding{border:1px solid CanvasText;border-inline-start-width:4px}h3::before{forced-color-adjust:none}}
`;
