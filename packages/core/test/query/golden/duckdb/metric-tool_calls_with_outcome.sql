-- metric-tool_calls_with_outcome (duckdb)
-- query: {"metrics":["tool_calls_with_outcome"],"date_range":"30d"}
-- meta: {"metrics":[{"id":"tool_calls_with_outcome","type":"count","unit":"tool_calls"}],"dimensions":[],"time_bucket":null,"window":{"from":"2025-05-02T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"limit":10000,"priced":false}
-- params: [7,"2025-05-02 12:00:00.000","2025-06-01 12:00:00.000"]
SELECT COALESCE(r.p_tc_known, 0) AS "tool_calls_with_outcome"
FROM (SELECT CAST(count(t.success) AS DOUBLE) AS p_tc_known
  FROM (SELECT x.message_id, x.name, x.success, x.duration_ms
    FROM tool_calls x
    WHERE x.ws = $1 AND x.m_created_at >= CAST($2 AS TIMESTAMP) AND x.m_created_at < CAST($3 AS TIMESTAMP) AND x.m_created_at IS NOT NULL) t) r
ORDER BY "tool_calls_with_outcome" DESC NULLS LAST
LIMIT 10001;
