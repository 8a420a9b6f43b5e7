// Owns the marker on one table row's cost cells when some of that row's messages have no price.
import { unpricedText } from './UnpricedNote';

/**
 * Nothing when the row is fully priced. Otherwise a "$0.00" reads as free, so the cell says it is incomplete;
 * the widget's note below the table carries the link to the price book.
 */
export function UnpricedRowMark({ count }: { count: number }) {
  if (count <= 0) return null;
  const text = unpricedText(count);
  return (
    <span
      className="unpriced-mark"
      data-testid="unpriced-row-mark"
      data-count={count}
      role="img"
      title={text}
      aria-label={text}
    >
      {' ⚠'}
    </span>
  );
}
