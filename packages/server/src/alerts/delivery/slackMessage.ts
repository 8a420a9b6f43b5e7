// Owns the Slack incoming-webhook message of a notification: Block Kit with the value, threshold, slice, a link.
import {
  type AlertNotification,
  COMPARATOR_SYMBOLS,
  formatNumber,
  notificationDetail,
  notificationTitle,
} from './AlertNotification.ts';

const ICON: Record<string, string> = {
  firing: ':rotating_light:',
  repeat: ':rotating_light:',
  resolved: ':white_check_mark:',
  test: ':test_tube:',
};

export function slackMessage(n: AlertNotification): Record<string, unknown> {
  const title = notificationTitle(n);
  const fields = [
    { type: 'mrkdwn', text: `*Value*\n${n.value === null ? '—' : formatNumber(n.value)}` },
    {
      type: 'mrkdwn',
      text: `*Threshold*\n${n.threshold === null ? '—' : `${n.comparator ? COMPARATOR_SYMBOLS[n.comparator] : ''} ${formatNumber(n.threshold)}`.trim()}`,
    },
    { type: 'mrkdwn', text: `*Slice*\n${n.slice_key}` },
    { type: 'mrkdwn', text: `*State*\n${n.state}` },
  ];
  return {
    text: `${title}: ${notificationDetail(n)}`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: title.slice(0, 150), emoji: true } },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: `${ICON[n.kind] ?? ''} ${notificationDetail(n)}` },
        fields,
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: `${n.at} · rule ${n.rule.id}` }] },
      {
        type: 'actions',
        elements: [
          { type: 'button', text: { type: 'plain_text', text: 'Open in LLM Analytics' }, url: n.url },
        ],
      },
    ],
  };
}
