/**
 * @module views/docs/styles
 * The one stylesheet of the docs and landing pages, inlined and allowed by its hash. System
 * fonts only: the pages must work offline and load nothing from third parties.
 */

/** Shared CSS; kept small because it is inlined in every page. */
export const PAGE_CSS = `
:root{color-scheme:light dark;--fg:#1b1f24;--muted:#57606a;--bg:#fff;--panel:#f6f8fa;--line:#d0d7de;--accent:#0b5cad}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9da7b3;--bg:#0d1117;--panel:#161b22;--line:#30363d;--accent:#6cb6ff}}
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--accent)}
header.site,main,footer.site{max-width:72rem;margin:0 auto;padding:0 1rem}
header.site{display:flex;gap:1rem;align-items:baseline;flex-wrap:wrap;padding-top:1rem;border-bottom:1px solid var(--line)}
header.site nav{display:flex;gap:1rem;flex-wrap:wrap}
footer.site{border-top:1px solid var(--line);margin-top:3rem;padding:1rem;color:var(--muted);font-size:.9rem}
h1,h2,h3{line-height:1.25}
h3 code{font-size:1rem}
code,pre,kbd,textarea{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.875rem}
pre{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:.75rem;overflow:auto;white-space:pre-wrap;word-break:break-all}
table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:.9rem}
th,td{border:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:var(--panel)}
.op{border:1px solid var(--line);border-radius:8px;padding:0 1rem 1rem;margin:1.5rem 0}
.method{display:inline-block;background:var(--accent);color:var(--bg);border-radius:4px;padding:0 .4rem;margin-right:.4rem;font-weight:600}
.muted{color:var(--muted)}
.toc{columns:2 18rem}
.problem{border-left:4px solid var(--accent);padding-left:1rem;margin:1rem 0}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr));gap:1.5rem}
fieldset{border:1px solid var(--line);border-radius:8px}
label{display:block;margin:.4rem 0 .1rem;font-weight:600;font-size:.9rem}
input,select{font:inherit;width:100%;padding:.3rem;border:1px solid var(--line);border-radius:4px;background:var(--bg);color:var(--fg)}
textarea{width:100%;min-height:6rem;padding:.4rem;border:1px solid var(--line);border-radius:4px;background:var(--panel);color:var(--fg)}
button{font:inherit;padding:.3rem .8rem;border:1px solid var(--accent);border-radius:4px;background:var(--accent);color:var(--bg);cursor:pointer}
iframe.preview{display:block;width:100%;height:min(40rem,80vh);margin:1rem 0;border:1px solid var(--line);border-radius:8px;background:var(--bg)}
.formats{display:flex;flex-wrap:wrap;gap:.5rem;padding:0;list-style:none}
.formats a{display:inline-block;border:1px solid var(--line);border-radius:999px;padding:.1rem .7rem;text-decoration:none}
`.trim()
