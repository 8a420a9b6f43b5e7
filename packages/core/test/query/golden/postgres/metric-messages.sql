-- metric-messages (postgres)
-- query: {"metrics":["messages"],"date_range":"30d"}
-- meta: {"metrics":[{"id":"messages","type":"count","unit":"messages"}],"dimensions":[],"time_bucket":null,"window":{"from":"2025-05-02T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"limit":10000,"priced":false}
-- params: ["ws-1","2025-05-02 12:00:00.000","2025-06-01 12:00:00.000"]
SELECT COALESCE(r.p_n, 0) AS "messages"
FROM (SELECT CAST(count(*) AS double precision) AS p_n
  FROM (SELECT 1 AS one
    FROM messages x
    WHERE x.workspace_id = $1 AND x.created_at >= CAST($2 AS TIMESTAMP) AND x.created_at < CAST($3 AS TIMESTAMP)) b) r
ORDER BY "messages" DESC NULLS LAST
LIMIT 10001;
