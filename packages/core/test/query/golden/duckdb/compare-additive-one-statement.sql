-- compare-additive-one-statement (duckdb)
-- query: {"metrics":["messages","errors"],"date_range":"7d","compare":"previous_period"}
-- meta: {"metrics":[{"id":"messages","type":"count","unit":"messages"},{"id":"errors","type":"count","unit":"messages"}],"dimensions":[],"time_bucket":null,"window":{"from":"2025-05-25T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"comparison_window":{"from":"2025-05-18T12:00:00.000Z","to":"2025-05-25T12:00:00.000Z"},"limit":10000,"priced":false}
-- periods: both in one statement
-- params: [7,"2025-05-25 12:00:00.000","ws-1","2025-05-18 12:00:00.000","2025-06-01 12:00:00.000"]
SELECT pp.d___period AS "__period", COALESCE(r.p_n, 0) AS "messages", COALESCE(r.p_err, 0) AS "errors"
FROM (VALUES (0), (1)) pp(d___period)
LEFT JOIN (SELECT CASE WHEN b.created_at >= CAST($2 AS TIMESTAMP) THEN 0 ELSE 1 END AS d___period, CAST(count(*) AS DOUBLE) AS p_n, CAST(count(NULLIF(b.error_code, (SELECT vc.code
          FROM value_codes vc
          WHERE vc.workspace_id = $3 AND vc.value = ''))) AS DOUBLE) AS p_err
  FROM (SELECT x.created_at AS created_at, x.error_code AS error_code
    FROM messages x
    WHERE x.ws = $1 AND x.created_at >= CAST($4 AS TIMESTAMP) AND x.created_at < CAST($5 AS TIMESTAMP)) b
  GROUP BY 1) r ON r.d___period = pp.d___period
ORDER BY "messages" DESC NULLS LAST, pp.d___period ASC NULLS LAST
LIMIT 10001;
