// Owns the list of one notification's deliveries: channel, status, attempts, the last error, the next retry.
import type { AlertChannel, AlertDelivery } from '@llm-analytics/core';

export function DeliveryList({
  deliveries,
  channels,
}: {
  deliveries: AlertDelivery[];
  channels?: AlertChannel[];
}) {
  if (deliveries.length === 0) return <span className="muted">nothing sent</span>;
  const name = (d: AlertDelivery) => channels?.find((c) => c.id === d.channel_id)?.name ?? d.channel_type;
  return (
    <ul className="deliveries">
      {deliveries.map((d) => (
        <li
          key={d.id}
          className={`delivery-${d.status}`}
          data-delivery-status={d.status}
          data-channel={d.channel_id}
        >
          <strong>{name(d)}</strong> ({d.channel_type}): {d.status}
          {` · ${d.attempts} attempt${d.attempts === 1 ? '' : 's'}`}
          {d.last_error ? <span className="delivery-error"> · {d.last_error}</span> : null}
          {d.next_attempt_at ? ` · retry ${new Date(d.next_attempt_at).toLocaleTimeString()}` : null}
        </li>
      ))}
    </ul>
  );
}
