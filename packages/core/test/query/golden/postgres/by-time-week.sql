-- by-time-week (postgres)
-- query: {"metrics":["conversations"],"dimensions":["time"],"date_range":"90d","granularity":"week"}
-- meta: {"metrics":[{"id":"conversations","type":"count","unit":"conversations"}],"dimensions":["time"],"time_bucket":"week","window":{"from":"2025-03-03T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"limit":10000,"priced":false}
-- params: ["ws-1","2025-03-03 12:00:00.000","2025-06-01 12:00:00.000"]
SELECT to_char(r.d_time, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "time", COALESCE(r.p_conv, 0) AS "conversations"
FROM (SELECT date_trunc('week', b.created_at) AS d_time, CAST(count(DISTINCT b.conversation_id) AS double precision) AS p_conv
  FROM (SELECT x.conversation_id AS conversation_id, x.created_at AS created_at
    FROM messages x
    WHERE x.workspace_id = $1 AND x.created_at >= CAST($2 AS TIMESTAMP) AND x.created_at < CAST($3 AS TIMESTAMP)) b
  GROUP BY 1) r
ORDER BY r.d_time ASC NULLS LAST, "conversations" DESC NULLS LAST
LIMIT 10001;
