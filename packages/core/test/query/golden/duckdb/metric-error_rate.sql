-- metric-error_rate (duckdb)
-- query: {"metrics":["error_rate"],"date_range":"30d"}
-- meta: {"metrics":[{"id":"error_rate","type":"rate","unit":"percent"}],"dimensions":[],"time_bucket":null,"window":{"from":"2025-05-02T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"limit":10000,"priced":false}
-- params: [7,"ws-1","2025-05-02 12:00:00.000","2025-06-01 12:00:00.000"]
SELECT 100.0 * r.p_err / NULLIF(r.p_n, 0) AS "error_rate"
FROM (SELECT CAST(count(*) AS DOUBLE) AS p_n, CAST(count(NULLIF(b.error_code, (SELECT vc.code
          FROM value_codes vc
          WHERE vc.workspace_id = $2 AND vc.value = ''))) AS DOUBLE) AS p_err
  FROM (SELECT x.error_code AS error_code
    FROM messages x
    WHERE x.ws = $1 AND x.created_at >= CAST($3 AS TIMESTAMP) AND x.created_at < CAST($4 AS TIMESTAMP)) b) r
ORDER BY "error_rate" DESC NULLS LAST
LIMIT 10001;
