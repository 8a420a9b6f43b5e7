// Owns the report's inline stylesheet: readable on screen, and print-friendly (A4, no backgrounds lost, no split rows).

export const REPORT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #1f2937; background: #fff; }
main { max-width: 1040px; margin: 0 auto; padding: 28px 32px 48px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid #e5e7eb; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 10px 0 0; color: #4b5563; }
.meta dt { font-weight: 600; }
.meta dd { margin: 0; overflow-wrap: anywhere; }
.kpis { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 10px; }
.kpi { border: 1px solid #e5e7eb; border-radius: 8px; padding: 10px 12px; break-inside: avoid; }
.kpi .label { color: #6b7280; font-size: 12px; }
.kpi .value { font-size: 20px; font-weight: 650; margin: 2px 0; }
.kpi .change { font-size: 12px; }
.good { color: #15803d; } .bad { color: #b91c1c; } .neutral { color: #6b7280; }
.chart { margin: 8px 0 16px; break-inside: avoid; }
.chart svg { width: 100%; max-width: 860px; height: auto; }
.chart figcaption { font-weight: 600; margin-bottom: 4px; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 12px; }
th, td { padding: 4px 6px; border-bottom: 1px solid #eef0f3; text-align: left; vertical-align: middle; }
th { background: #f9fafb; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.name { min-width: 8em; max-width: 22em; overflow-wrap: anywhere; }
tr { break-inside: avoid; }
.bar-cell svg { vertical-align: middle; margin-left: 6px; }
.note { color: #6b7280; font-size: 12px; }
.empty { color: #6b7280; font-style: italic; }
pre { background: #f9fafb; border: 1px solid #e5e7eb; padding: 8px; font-size: 11px; overflow-x: auto; white-space: pre-wrap; overflow-wrap: anywhere; }
.queries dt { font-weight: 600; margin-top: 6px; }
.queries dd { margin: 2px 0 0; }
footer { margin-top: 32px; color: #6b7280; font-size: 11px; }
@page { size: A4; margin: 14mm; }
@media print {
  main { max-width: none; padding: 0; }
  body { font-size: 11px; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; }
  section { break-inside: auto; }
  pre { white-space: pre-wrap; }
  .table-wrap { overflow: visible; }
  table { font-size: 9px; }
  th, td { padding: 2px 3px; }
}
`;
