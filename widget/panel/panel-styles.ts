// The panel's styles, adopted into the same shadow root as the launcher's (launcher-styles.ts), so
// they share its `.sr` (visually hidden) rule and its accent pair --a / --on-a (contrast.ts).
// Colours on white are at least 4.5:1 (#595959 is 7:1); the focus ring is dark with a white halo
// so it shows on any background. Short class names, because the whole widget has a 20 KB budget:
//   p panel, h header, ib icon button, av operator initial, t transcript (log), m message
//   (plus its sender kind: visitor, bot, operator, system), w sender name, q message still in the
//   outbox, e its status line, k link-looking button, y typing line, nt notice, er error notice,
//   st stage card, hd form heading, os / op callback slot options, r rating, c composer,
//   ak "talk to a person", bt / b2 primary / secondary button.
export const panelCss = `
.p{position:fixed;bottom:88px;right:20px;width:min(380px,calc(100vw - 40px));height:min(620px,calc(100vh - 108px));display:flex;flex-direction:column;background:#fff;color:#1a1a1a;border-radius:12px;box-shadow:0 8px 32px rgba(0,0,0,.28);font:15px/1.45 system-ui,sans-serif;overflow:hidden;text-align:left}
:host([data-side=left]) .p{right:auto;left:20px}
.p[hidden]{display:none}
@media (max-width:480px){.p{inset:0;width:auto;height:auto;border-radius:0}}
@media (prefers-reduced-motion:no-preference){.p{animation:baton-in .18s ease-out}@keyframes baton-in{from{opacity:0;transform:translateY(8px)}}}
.p *{box-sizing:border-box}
.p p{margin:0}
.p :focus-visible,.r input:focus-visible+span{outline:3px solid #1a1a1a;outline-offset:2px;box-shadow:0 0 0 2px #fff}
.h{display:flex;align-items:center;gap:10px;padding:8px 8px 8px 16px;background:var(--a);color:var(--on-a)}
.h h2{flex:1;margin:0;font-size:16px;font-weight:600;line-height:1.3}
.h small{display:block;font-size:13px;font-weight:400}
.h :focus-visible{outline-color:var(--on-a);box-shadow:none}
.ib,.k{border:0;padding:0;background:none;color:inherit;font:inherit;cursor:pointer}
.ib{display:grid;place-items:center;width:44px;height:44px;border-radius:8px}
.ib svg{width:22px;height:22px}
.k{text-decoration:underline}
.av{display:grid;place-items:center;flex:none;width:32px;height:32px;border-radius:50%;background:#fff;color:#1a1a1a;font-weight:700}
.t{flex:1;min-height:0;overflow:auto;overscroll-behavior:contain;padding:12px 16px;display:flex;flex-direction:column;gap:8px}
.m{max-width:85%;padding:8px 12px;border-radius:12px;white-space:pre-wrap;overflow-wrap:anywhere}
.m a{color:inherit}
.visitor{align-self:flex-end;background:var(--a);color:var(--on-a);border-bottom-right-radius:4px}
.bot,.operator{align-self:flex-start;border-bottom-left-radius:4px}
.bot{background:#eef0f3}
.operator{border:1px solid #8a8a8a}
.system{align-self:center;max-width:100%;color:#595959;font-size:13px;font-style:italic;text-align:center}
.w{display:block;font-size:12px;font-weight:600;color:#595959;margin-bottom:2px}
.q{border:2px dashed var(--on-a)}
.e{display:block;font-size:12px;margin-top:2px}
.y{padding:0 16px 6px;color:#595959;font-size:13px}
.nt{padding:8px 16px;font-size:14px;background:#fff4d6;color:#4d3800}
.er{background:#fdecea;color:#7a1212}
.st{padding:10px 16px;border-top:1px solid #d6d6d6;background:#f7f8fa;max-height:42%;overflow:auto}
.t{min-height:140px}
.tt{display:block;font-size:11px;opacity:.85;text-align:right;margin-top:2px}
.tm{display:flex}.tm .av+.av{margin-left:-8px;box-shadow:0 0 0 2px var(--a)}
.im{display:block;max-width:100%;max-height:220px;border-radius:8px}
.at{flex:none;color:#1a1a1a;height:42px}.at:focus-within{outline:3px solid #1a1a1a}
.os fieldset{border:0;padding:0;margin:0;min-width:0}.dy{padding:0;font-size:13px;font-weight:600;margin-top:6px}
summary{cursor:pointer;text-decoration:underline;margin-top:6px}
.st,.st [role=status],.os{display:grid;gap:4px}
.st form{display:grid;gap:8px;margin-top:6px}
.st b,.hd{font-weight:600}
label{display:grid;gap:2px}
.op{display:flex;gap:8px;align-items:center}
.r{display:flex;flex-wrap:wrap;gap:6px}
.r label{display:block;position:relative}
.r input{position:absolute;inset:0;z-index:1;width:100%;height:100%;margin:0;opacity:0;cursor:pointer}
.r span{display:grid;place-items:center;min-width:56px;min-height:52px;padding:2px 4px;border:1px solid #767676;border-radius:8px;background:#fff;font-size:11px;cursor:pointer}
.r b{font-size:20px;line-height:1;color:#767676}
.r label:has(~label input:checked) b,.r input:checked+span b{color:#8a5a00}
.r input:checked+span{border:2px solid #1a1a1a}
input,textarea{width:100%;font:inherit;color:#1a1a1a;background:#fff;border:1px solid #767676;border-radius:8px;padding:8px 10px}
input[type=radio]{width:auto;margin:0}
textarea{resize:none}
::placeholder{color:#595959;opacity:1}
.c{display:flex;gap:8px;align-items:flex-end;padding:10px 12px;border-top:1px solid #d6d6d6}
.c textarea{flex:1;min-height:42px;max-height:120px}
.ak{margin:8px 12px 0;align-self:flex-start}
.bt,.b2{min-height:42px;padding:0 14px;border-radius:8px;font:inherit;font-weight:600;cursor:pointer}
.bt{border:0;background:var(--a);color:var(--on-a)}
.b2{border:1px solid #767676;background:#fff;color:#1a1a1a}
button:disabled{cursor:not-allowed;opacity:.6}
`;
