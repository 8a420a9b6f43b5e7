// Owns the hand-written form of zod's `z.iso.datetime({ offset: true })` pattern, for the ingest fast path.

/** Two ASCII digits at `i` as a number, or -1 when either is not a digit. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * True exactly for the strings zod 4's datetime-with-offset regex matches:
 * `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` with a real calendar date (Gregorian leap years, year 0000
 * included), hours 00–23, minutes and seconds 00–59, any number (≥1) of fraction digits, upper-case `T`/`Z`
 * only. A char-code walk instead of that regex because its alternation over day ranges costs several times
 * more per timestamp, and every ingested record carries one; the property test pins the two together.
 */
export function isIsoDateTime(s: string): boolean {
  const n = s.length;
  if (n < 20) return false;
  if (
    s.charCodeAt(4) !== 45 || // -
    s.charCodeAt(7) !== 45 ||
    s.charCodeAt(10) !== 84 || // T
    s.charCodeAt(13) !== 58 || // :
    s.charCodeAt(16) !== 58
  )
    return false;
  const century = twoDigits(s, 0);
  const yy = twoDigits(s, 2);
  const month = twoDigits(s, 5);
  const day = twoDigits(s, 8);
  const hour = twoDigits(s, 11);
  const minute = twoDigits(s, 14);
  const second = twoDigits(s, 17);
  if (century < 0 || yy < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23) return false;
  if (minute < 0 || minute > 59 || second < 0 || second > 59) return false;
  if (day > 28) {
    if (month === 2) {
      const leap = yy % 4 === 0 && (yy !== 0 || century % 4 === 0);
      if (day > 29 || !leap) return false;
    } else if (day > (month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31)) return false;
  }
  let i = 19;
  let c = s.charCodeAt(i);
  if (c === 46) {
    // .
    const start = ++i;
    while (i < n) {
      c = s.charCodeAt(i);
      if (c < 48 || c > 57) break;
      i++;
    }
    if (i === start || i === n) return false;
  }
  if (c === 90) return i + 1 === n; // Z
  if ((c !== 43 && c !== 45) || i + 6 !== n || s.charCodeAt(i + 3) !== 58) return false; // ± and :
  const offsetHour = twoDigits(s, i + 1);
  const offsetMinute = twoDigits(s, i + 4);
  return offsetHour >= 0 && offsetHour <= 23 && offsetMinute >= 0 && offsetMinute <= 59;
}
