-- metric-errors (postgres)
-- query: {"metrics":["errors"],"date_range":"30d"}
-- meta: {"metrics":[{"id":"errors","type":"count","unit":"messages"}],"dimensions":[],"time_bucket":null,"window":{"from":"2025-05-02T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"limit":10000,"priced":false}
-- params: ["ws-1","2025-05-02 12:00:00.000","2025-06-01 12:00:00.000"]
SELECT COALESCE(r.p_err, 0) AS "errors"
FROM (SELECT CAST(count(NULLIF(b.error_code, (SELECT vc.code
          FROM value_codes vc
          WHERE vc.workspace_id = $1 AND vc.value = ''))) AS double precision) AS p_err
  FROM (SELECT x.error_code AS error_code
    FROM messages x
    WHERE x.workspace_id = $1 AND x.created_at >= CAST($2 AS TIMESTAMP) AND x.created_at < CAST($3 AS TIMESTAMP)) b) r
ORDER BY "errors" DESC NULLS LAST
LIMIT 10001;
