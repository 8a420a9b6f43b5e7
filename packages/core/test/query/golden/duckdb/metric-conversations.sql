-- metric-conversations (duckdb)
-- query: {"metrics":["conversations"],"date_range":"30d"}
-- meta: {"metrics":[{"id":"conversations","type":"count","unit":"conversations"}],"dimensions":[],"time_bucket":null,"window":{"from":"2025-05-02T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"limit":10000,"priced":false}
-- params: [7,"2025-05-02 12:00:00.000","2025-06-01 12:00:00.000"]
SELECT COALESCE(r.p_conv, 0) AS "conversations"
FROM (SELECT CAST(count(DISTINCT b.conversation_id) AS DOUBLE) AS p_conv
  FROM (SELECT x.conversation_id AS conversation_id
    FROM messages x
    WHERE x.ws = $1 AND x.created_at >= CAST($2 AS TIMESTAMP) AND x.created_at < CAST($3 AS TIMESTAMP)) b) r
ORDER BY "conversations" DESC NULLS LAST
LIMIT 10001;
