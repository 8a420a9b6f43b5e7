-- by-time-week (duckdb)
-- query: {"metrics":["conversations"],"dimensions":["time"],"date_range":"90d","granularity":"week"}
-- meta: {"metrics":[{"id":"conversations","type":"count","unit":"conversations"}],"dimensions":["time"],"time_bucket":"week","window":{"from":"2025-03-03T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"limit":10000,"priced":false}
-- params: [7,"2025-03-03 12:00:00.000","2025-06-01 12:00:00.000"]
SELECT strftime(r.d_time, '%Y-%m-%dT%H:%M:%SZ') AS "time", COALESCE(r.p_conv, 0) AS "conversations"
FROM (SELECT date_trunc('week', CAST(b.created_at AS DATE)) AS d_time, CAST(count(DISTINCT b.conversation_id) AS DOUBLE) AS p_conv
  FROM (SELECT x.conversation_id AS conversation_id, x.created_at AS created_at
    FROM messages x
    WHERE x.ws = $1 AND x.created_at >= CAST($2 AS TIMESTAMP) AND x.created_at < CAST($3 AS TIMESTAMP)) b
  GROUP BY 1) r
ORDER BY r.d_time ASC NULLS LAST, "conversations" DESC NULLS LAST
LIMIT 10001;
