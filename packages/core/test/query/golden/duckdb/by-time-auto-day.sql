-- by-time-auto-day (duckdb)
-- query: {"metrics":["messages","errors"],"dimensions":["time"],"date_range":"30d"}
-- meta: {"metrics":[{"id":"messages","type":"count","unit":"messages"},{"id":"errors","type":"count","unit":"messages"}],"dimensions":["time"],"time_bucket":"day","window":{"from":"2025-05-02T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"limit":10000,"priced":false}
-- params: [7,"ws-1","2025-05-02 12:00:00.000","2025-06-01 12:00:00.000"]
SELECT strftime(r.d_time, '%Y-%m-%dT%H:%M:%SZ') AS "time", COALESCE(r.p_n, 0) AS "messages", COALESCE(r.p_err, 0) AS "errors"
FROM (SELECT CAST(b.created_at AS DATE) AS d_time, CAST(count(*) AS DOUBLE) AS p_n, CAST(count(NULLIF(b.error_code, (SELECT vc.code
          FROM value_codes vc
          WHERE vc.workspace_id = $2 AND vc.value = ''))) AS DOUBLE) AS p_err
  FROM (SELECT x.created_at AS created_at, x.error_code AS error_code
    FROM messages x
    WHERE x.ws = $1 AND x.created_at >= CAST($3 AS TIMESTAMP) AND x.created_at < CAST($4 AS TIMESTAMP)) b
  GROUP BY 1) r
ORDER BY r.d_time ASC NULLS LAST, "messages" DESC NULLS LAST
LIMIT 10001;
