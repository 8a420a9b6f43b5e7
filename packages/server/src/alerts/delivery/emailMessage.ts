// Owns the email of a notification: subject, a text part and an HTML part saying the same.
import { type AlertNotification, notificationDetail, notificationTitle } from './AlertNotification.ts';

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

export function emailMessage(n: AlertNotification): { subject: string; text: string; html: string } {
  const subject = notificationTitle(n);
  const detail = notificationDetail(n);
  const lines = [
    subject,
    '',
    detail,
    `Slice: ${n.slice_key}`,
    `State: ${n.state}`,
    `At: ${n.at}`,
    ...(n.rule.description ? ['', n.rule.description] : []),
    '',
    `Open: ${n.url}`,
  ];
  const html = `<!doctype html><html><body style="font-family:sans-serif">
<h2>${escapeHtml(subject)}</h2>
<p>${escapeHtml(detail)}</p>
<table><tr><th align="left">Slice</th><td>${escapeHtml(n.slice_key)}</td></tr>
<tr><th align="left">State</th><td>${escapeHtml(n.state)}</td></tr>
<tr><th align="left">At</th><td>${escapeHtml(n.at)}</td></tr></table>
${n.rule.description ? `<p>${escapeHtml(n.rule.description)}</p>` : ''}
<p><a href="${escapeHtml(n.url)}">Open in LLM Analytics</a></p>
</body></html>`;
  return { subject, text: lines.join('\n'), html };
}
