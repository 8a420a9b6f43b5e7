-- metric-messages_per_conversation (postgres)
-- query: {"metrics":["messages_per_conversation"],"date_range":"30d"}
-- meta: {"metrics":[{"id":"messages_per_conversation","type":"ratio","unit":"messages_per_conversation"}],"dimensions":[],"time_bucket":null,"window":{"from":"2025-05-02T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"limit":10000,"priced":false}
-- params: ["ws-1","2025-05-02 12:00:00.000","2025-06-01 12:00:00.000"]
SELECT r.p_n / NULLIF(r.p_conv, 0) AS "messages_per_conversation"
FROM (SELECT CAST(count(*) AS double precision) AS p_n, CAST(count(DISTINCT b.conversation_id) AS double precision) AS p_conv
  FROM (SELECT x.conversation_id AS conversation_id
    FROM messages x
    WHERE x.workspace_id = $1 AND x.created_at >= CAST($2 AS TIMESTAMP) AND x.created_at < CAST($3 AS TIMESTAMP)) b) r
ORDER BY "messages_per_conversation" DESC NULLS LAST
LIMIT 10001;
