// Owns the x-axis label of a time bucket start: short, and precise to the bucket (hours show the time).
import type { TimeBucket } from '@llm-analytics/core';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function timeLabel(iso: string, bucket: TimeBucket): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const day = `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
  if (bucket === 'month') return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  if (bucket === 'hour') return `${day} ${String(d.getUTCHours()).padStart(2, '0')}:00`;
  return day;
}
