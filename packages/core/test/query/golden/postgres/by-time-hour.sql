-- by-time-hour (postgres)
-- query: {"metrics":["messages"],"dimensions":["time"],"granularity":"hour","date_range":"7d"}
-- meta: {"metrics":[{"id":"messages","type":"count","unit":"messages"}],"dimensions":["time"],"time_bucket":"hour","window":{"from":"2025-05-25T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"limit":10000,"priced":false}
-- params: ["ws-1","2025-05-25 12:00:00.000","2025-06-01 12:00:00.000"]
SELECT to_char(r.d_time, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "time", COALESCE(r.p_n, 0) AS "messages"
FROM (SELECT date_trunc('hour', b.created_at) AS d_time, CAST(count(*) AS double precision) AS p_n
  FROM (SELECT x.created_at AS created_at
    FROM messages x
    WHERE x.workspace_id = $1 AND x.created_at >= CAST($2 AS TIMESTAMP) AND x.created_at < CAST($3 AS TIMESTAMP)) b
  GROUP BY 1) r
ORDER BY r.d_time ASC NULLS LAST, "messages" DESC NULLS LAST
LIMIT 10001;
