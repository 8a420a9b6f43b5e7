-- compare-length-filter-two-statements (postgres)
-- query: {"metrics":["messages"],"date_range":"30d","compare":"previous_period","filters":["gte","conversation_length",3]}
-- meta: {"metrics":[{"id":"messages","type":"count","unit":"messages"}],"dimensions":[],"time_bucket":null,"window":{"from":"2025-05-02T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"comparison_window":{"from":"2025-04-02T12:00:00.000Z","to":"2025-05-02T12:00:00.000Z"},"limit":10000,"priced":false}
-- params: ["ws-1",3,"2025-05-02 12:00:00.000","2025-06-01 12:00:00.000"]
SELECT COALESCE(r.p_n, 0) AS "messages"
FROM (SELECT CAST(count(*) AS double precision) AS p_n
  FROM (SELECT cl.n AS conversation_length
    FROM messages x
    LEFT JOIN (SELECT cm.conversation_id, count(*) AS n
      FROM messages cm
      WHERE cm.workspace_id = $1 AND cm.created_at >= CAST($3 AS TIMESTAMP) AND cm.created_at < CAST($4 AS TIMESTAMP)
      GROUP BY cm.conversation_id) cl ON cl.conversation_id = x.conversation_id
    WHERE x.workspace_id = $1 AND x.created_at >= CAST($3 AS TIMESTAMP) AND x.created_at < CAST($4 AS TIMESTAMP)) b
  WHERE b.conversation_length >= CAST($2 AS double precision)) r
ORDER BY "messages" DESC NULLS LAST
LIMIT 10001;

-- comparison statement
-- params: ["ws-1",3,"2025-04-02 12:00:00.000","2025-05-02 12:00:00.000"]
SELECT COALESCE(r.p_n, 0) AS "messages"
FROM (SELECT CAST(count(*) AS double precision) AS p_n
  FROM (SELECT cl.n AS conversation_length
    FROM messages x
    LEFT JOIN (SELECT cm.conversation_id, count(*) AS n
      FROM messages cm
      WHERE cm.workspace_id = $1 AND cm.created_at >= CAST($3 AS TIMESTAMP) AND cm.created_at < CAST($4 AS TIMESTAMP)
      GROUP BY cm.conversation_id) cl ON cl.conversation_id = x.conversation_id
    WHERE x.workspace_id = $1 AND x.created_at >= CAST($3 AS TIMESTAMP) AND x.created_at < CAST($4 AS TIMESTAMP)) b
  WHERE b.conversation_length >= CAST($2 AS double precision)) r
ORDER BY "messages" DESC NULLS LAST
LIMIT 10001;
