// Owns the small marker on a cost column's header when some of the messages behind it have no price.
import { unpricedText } from './UnpricedNote';

/** Points (aria-describedby) to the widget's note, which carries the link to the price book. */
export function UnpricedMark({ count, note }: { count: number; note: string }) {
  if (count <= 0) return null;
  return (
    <span
      className="unpriced-mark"
      title={`${unpricedText(count)}: see the note below`}
      aria-describedby={note}
    >
      {' ⚠'}
    </span>
  );
}
