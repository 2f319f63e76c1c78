/** The one stylesheet (served as /static/web.css; the CSP allows no inline styles). Colours meet WCAG AA on their backgrounds. */
export const CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",Arial,sans-serif;color:#111827;background:#f8fafc}
a{color:#1d4ed8}
a:hover{color:#1e3a8a}
:focus-visible{outline:3px solid #b45309;outline-offset:2px}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
body.embed .top{justify-content:flex-end;padding:.25rem .5rem}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem;z-index:10}
.skip:focus{left:.5rem}
.top{background:#0b3d91;color:#fff;padding:.5rem 1rem;display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.25rem 1rem}
.top a{color:#fff}
.top a:focus-visible{outline-color:#fde68a}
.brand{margin:0;font-weight:700}
.brand a{text-decoration:none}
.top ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
.top a[aria-current=page]{font-weight:700;text-decoration-thickness:3px}
main{display:block;max-width:72rem;margin:0 auto;padding:1rem}
main:focus{outline:none}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
h3,h4,h5{font-size:1.05rem;margin:1rem 0 .25rem}
.muted{color:#4b5563}
button,input,select{font:inherit;color:inherit}
button{cursor:pointer;border-radius:.375rem;border:1px solid #1d4ed8;background:#1d4ed8;color:#fff;padding:.5rem 1rem;min-height:44px}
button:hover{background:#1e3a8a}
button.secondary{background:#fff;color:#1d4ed8}
button.secondary:hover{background:#eff6ff}
button:disabled{background:#e5e7eb;color:#374151;border-color:#9ca3af;cursor:default}
input[type=text],input[type=search],input[type=number],select{border:1px solid #6b7280;border-radius:.375rem;padding:.5rem;min-height:44px;background:#fff;width:100%}
label{display:block;font-weight:600;margin-bottom:.25rem}
.hint{font-size:.9rem;color:#4b5563;margin:.25rem 0 0}
/* chat */
.chat{display:grid;gap:1rem}
.log{background:#fff;border:1px solid #d1d5db;border-radius:.5rem;padding:.75rem;min-height:12rem;max-height:60vh;overflow-y:auto}
.log:empty::before{content:attr(data-empty);color:#4b5563}
.msg{margin:0 0 .75rem;padding:.5rem .75rem;border-radius:.5rem;max-width:100%;overflow-wrap:anywhere}
.msg.user{background:#e0ecff;margin-left:15%}
.msg.bot{background:#f3f4f6;margin-right:5%}
.msg.error{background:#fee2e2}
.who{font-weight:700;font-size:.85rem;margin:0}
.text{white-space:pre-line;margin:.25rem 0}
.sources{margin:.5rem 0 0;padding-left:1.25rem;font-size:.95rem}
.choices{display:flex;flex-wrap:wrap;gap:.5rem;margin:.5rem 0 0}
.ask{display:grid;grid-template-columns:1fr auto;gap:.5rem;align-items:end}
.ask label{grid-column:1/-1;margin:0}
.ask .hint{grid-column:1/-1}
.examples ul{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.5rem}
.examples button{background:#fff;color:#1d4ed8;text-align:left;font-size:.95rem}
.examples button:hover{background:#eff6ff}
.examples h2{font-size:1rem;margin:0 0 .5rem}
.status{min-height:1.5rem;margin:0;color:#4b5563}
.chart-box{margin:.5rem 0 0;max-width:30rem}
svg.chart{width:100%;height:auto;display:block;background:#fff;border:1px solid #d1d5db;border-radius:.375rem}
/* plan pages */
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0 0 1rem}
.facts dt{font-weight:600}
.facts dd{margin:0}
.toc ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;padding:0;list-style:none}
.table-wrap{overflow-x:auto;border:1px solid #d1d5db;border-radius:.375rem;background:#fff}
table{border-collapse:collapse;width:100%;font-size:.95rem}
caption{text-align:left;padding:.5rem;color:#4b5563}
th,td{border-top:1px solid #e5e7eb;padding:.5rem;text-align:left;vertical-align:top}
thead th{background:#f1f5f9;position:sticky;top:0}
td.num{white-space:nowrap}
.section-path{display:block;font-size:.85rem;font-weight:400;color:#4b5563}
/* Phones: each row of the plan tables becomes a card, every cell labelled. */
@media (max-width:40rem){
  .cards thead{position:absolute;left:-9999px}
  .cards tr{display:block;border-top:2px solid #d1d5db;padding:.25rem 0}
  .cards tr[hidden]{display:none}
  .cards th,.cards td{display:block;border:0;padding:.125rem .5rem}
  .cards td[data-label]::before{content:attr(data-label) ": ";font-weight:600}
  .cards td:empty{display:none}
}
.filter{display:grid;grid-template-columns:1fr auto;gap:.5rem;align-items:end;margin:.5rem 0}
.filter label{grid-column:1/-1;margin:0}
.fulltext p{margin:.25rem 0 .5rem;max-width:48rem}
.fulltext .path{font-weight:700;margin-top:1rem}
:target,tr:target>td,tr:target>th{background:#fef08a}
:target{scroll-margin-top:1rem}
p:target,li:target{outline:2px solid #b45309;outline-offset:2px}
tr:target{outline:3px solid #b45309;outline-offset:-3px}
.plans-list li{margin:.5rem 0}
.compare-form{display:grid;gap:.5rem;grid-template-columns:1fr;max-width:32rem}
@media (min-width:40rem){
  .compare-form{grid-template-columns:2fr 1fr auto;align-items:end}
  .compare-form label{margin:0}
}
body.embed main{padding:.5rem}
@media print{
  .top,.skip,.filter,.ask,.examples{display:none}
  main{max-width:none;padding:0}
  .table-wrap{overflow:visible;border:0}
  tr[hidden]{display:table-row}
}
`;
