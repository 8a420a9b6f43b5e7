-- rollup-conversation-length (duckdb)
-- query: {"metrics":["conversations"],"dimensions":["conversation_length"],"date_range":"30d","order_by":[["conversation_length","asc"]]}
-- meta: {"metrics":[{"id":"conversations","type":"count","unit":"conversations"}],"dimensions":["conversation_length"],"time_bucket":null,"window":{"from":"2025-05-02T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"limit":10000,"priced":false}
-- params: [7,"2025-05-02 12:00:00.000","2025-06-01 12:00:00.000"]
SELECT r.d_conversation_length AS "conversation_length", COALESCE(r.p_conv, 0) AS "conversations"
FROM (SELECT CASE WHEN c.conversation_length <= 1 THEN '1' WHEN c.conversation_length <= 3 THEN '2-3' WHEN c.conversation_length <= 5 THEN '4-5' WHEN c.conversation_length <= 10 THEN '6-10' WHEN c.conversation_length <= 20 THEN '11-20' WHEN c.conversation_length <= 50 THEN '21-50' WHEN c.conversation_length >= 51 THEN '51+' END AS d_conversation_length, CAST(count(*) AS DOUBLE) AS p_conv
  FROM (SELECT count(*) AS conversation_length
    FROM messages b
    WHERE b.ws = $1 AND b.created_at >= CAST($2 AS TIMESTAMP) AND b.created_at < CAST($3 AS TIMESTAMP)
    GROUP BY b.conversation_id) c
  GROUP BY 1) r
ORDER BY CASE r.d_conversation_length WHEN '1' THEN 0 WHEN '2-3' THEN 1 WHEN '4-5' THEN 2 WHEN '6-10' THEN 3 WHEN '11-20' THEN 4 WHEN '21-50' THEN 5 WHEN '51+' THEN 6 END ASC NULLS LAST
LIMIT 10001;
