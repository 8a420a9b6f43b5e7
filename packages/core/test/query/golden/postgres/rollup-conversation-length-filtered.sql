-- rollup-conversation-length-filtered (postgres)
-- query: {"metrics":["conversations"],"dimensions":["conversation_length"],"date_range":"30d","filters":["and",[["eq","model","gpt-4o"],["in","rating",[4,5]]]]}
-- meta: {"metrics":[{"id":"conversations","type":"count","unit":"conversations"}],"dimensions":["conversation_length"],"time_bucket":null,"window":{"from":"2025-05-02T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"limit":10000,"priced":false}
-- params: ["ws-1","gpt-4o",4,5,"2025-05-02 12:00:00.000","2025-06-01 12:00:00.000"]
SELECT r.d_conversation_length AS "conversation_length", COALESCE(r.p_conv, 0) AS "conversations"
FROM (SELECT CASE WHEN c.conversation_length <= 1 THEN '1' WHEN c.conversation_length <= 3 THEN '2-3' WHEN c.conversation_length <= 5 THEN '4-5' WHEN c.conversation_length <= 10 THEN '6-10' WHEN c.conversation_length <= 20 THEN '11-20' WHEN c.conversation_length <= 50 THEN '21-50' WHEN c.conversation_length >= 51 THEN '51+' END AS d_conversation_length, CAST(count(*) AS double precision) AS p_conv
  FROM (SELECT count(*) AS conversation_length, bool_or(m.p) AS k
    FROM (SELECT b.conversation_id, b.model_id = CAST($2 AS VARCHAR) AND b.id IN (SELECT e.message_id
        FROM evaluations e
        WHERE e.workspace_id = $1 AND e.rating IN (CAST($3 AS double precision), CAST($4 AS double precision))) AS p
      FROM messages b
      WHERE b.workspace_id = $1 AND b.created_at >= CAST($5 AS TIMESTAMP) AND b.created_at < CAST($6 AS TIMESTAMP)) m
    GROUP BY m.conversation_id) c
  WHERE c.k
  GROUP BY 1) r
ORDER BY "conversations" DESC NULLS LAST, CASE r.d_conversation_length WHEN '1' THEN 0 WHEN '2-3' THEN 1 WHEN '4-5' THEN 2 WHEN '6-10' THEN 3 WHEN '11-20' THEN 4 WHEN '21-50' THEN 5 WHEN '51+' THEN 6 END ASC NULLS LAST
LIMIT 10001;
