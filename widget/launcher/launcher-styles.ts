// `all: initial` keeps the host page's inherited styles out; position: fixed keeps the element out
// of the page's flow (no layout shift, no gap in a flex body). Nothing here can style the page.
export const launcherCss = `
:host{all:initial;position:fixed;top:0;left:0;width:0;height:0;z-index:2147483000}
.l{position:fixed;bottom:20px;right:20px;width:56px;height:56px;padding:0;border:0;border-radius:50%;display:grid;place-items:center;background:var(--a);color:var(--on-a);cursor:pointer;box-shadow:0 4px 12px rgba(0,0,0,.3)}
:host([data-side=left]) .l{right:auto;left:20px}
.l svg{width:28px;height:28px;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}
.l:focus-visible{outline:3px solid #1a1a1a;outline-offset:3px;box-shadow:0 0 0 3px #fff}
.x,:host([data-expanded]) .o{display:none}
:host([data-expanded]) .x{display:block}
.b{position:absolute;top:-2px;right:-2px;min-width:20px;height:20px;padding:0 5px;border-radius:10px;background:#b3261e;color:#fff;font:700 12px/20px system-ui,sans-serif}
.b:empty{display:none}
.sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.n{position:fixed;bottom:32px;right:88px;max-width:calc(100vw - 108px);padding:6px 10px;border-radius:8px;background:#fff;color:#1a1a1a;box-shadow:0 2px 8px rgba(0,0,0,.25);font:13px/1.3 system-ui,sans-serif}
:host([data-side=left]) .n{right:auto;left:88px}
.n:empty,:host([data-expanded]) .n,:host([data-unavailable]) .l{display:none}
@media (max-width:480px){:host([data-expanded]) .l{display:none}}
`;
