// Owns the SQL of a timestamp's epoch milliseconds, one text for both engines (an interval's epoch).

/** `col` as epoch milliseconds of type `double` (the dialect's double type name). */
export const epochMsSql = (col: string, double: string) =>
  `CAST(EXTRACT(EPOCH FROM (${col} - CAST('1970-01-01 00:00:00' AS TIMESTAMP))) * 1000 AS ${double})`;
