// Owns turning a validated ingest timestamp into epoch milliseconds without Date.parse.

/** Two ASCII digits at `i` as a number, or -1 when either is not a digit. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (Hinnant's days_from_civil). Plain arithmetic
 *  because Date.UTC would read years 0–99 as 1900–1999. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * `Date.parse(iso)` for the timestamps the ingest schema admits (`YYYY-MM-DDTHH:MM:SS[.f…](Z|±HH:MM)`
 * with real dates and times): the same milliseconds (fraction truncated to 3 digits, offset applied),
 * several times cheaper, which counts because every ingested record carries one. Any other string is
 * handed to Date.parse itself, so the result equals Date.parse's for every input.
 */
export function parseIsoMs(iso: string): number {
  const n = iso.length;
  const year = twoDigits(iso, 0) * 100 + twoDigits(iso, 2);
  const month = twoDigits(iso, 5);
  const day = twoDigits(iso, 8);
  const hour = twoDigits(iso, 11);
  const minute = twoDigits(iso, 14);
  const second = twoDigits(iso, 17);
  if (
    n < 20 ||
    iso.charCodeAt(4) !== 45 || // -
    iso.charCodeAt(7) !== 45 ||
    iso.charCodeAt(10) !== 84 || // T
    iso.charCodeAt(13) !== 58 || // :
    iso.charCodeAt(16) !== 58 ||
    twoDigits(iso, 0) < 0 ||
    twoDigits(iso, 2) < 0 ||
    (hour | minute | second) < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    (day > 28 && day > daysInMonth(year, month)) ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  )
    return Date.parse(iso);
  let i = 19;
  let ms = 0;
  if (iso.charCodeAt(i) === 46) {
    // Date.parse truncates to milliseconds; past nine digits V8 reads leading zeros oddly, so leave those to it.
    let scale = 100;
    for (i++; i < n; i++) {
      const d = iso.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      ms += d * scale;
      scale = scale === 100 ? 10 : scale === 10 ? 1 : 0;
    }
    if (i === 20 || i > 29) return Date.parse(iso);
  }
  let offsetMinutes = 0;
  const zone = iso.charCodeAt(i);
  if (zone === 43 || zone === 45) {
    const oh = twoDigits(iso, i + 1);
    const om = twoDigits(iso, i + 4);
    if (i + 6 !== n || iso.charCodeAt(i + 3) !== 58 || oh < 0 || oh > 23 || om < 0 || om > 59)
      return Date.parse(iso);
    offsetMinutes = zone === 43 ? oh * 60 + om : -(oh * 60 + om);
  } else if (zone !== 90 || i + 1 !== n) return Date.parse(iso);
  const days = daysFromCivil(year, month, day);
  return ((days * 24 + hour) * 60 + minute - offsetMinutes) * 60_000 + second * 1000 + ms;
}
