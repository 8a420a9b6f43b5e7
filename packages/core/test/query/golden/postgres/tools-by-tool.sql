-- tools-by-tool (postgres)
-- query: {"metrics":["tool_calls","tool_success_rate"],"dimensions":["tool"],"date_range":"30d"}
-- meta: {"metrics":[{"id":"tool_calls","type":"count","unit":"tool_calls"},{"id":"tool_success_rate","type":"rate","unit":"percent"}],"dimensions":["tool"],"time_bucket":null,"window":{"from":"2025-05-02T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"limit":10000,"priced":false}
-- params: ["ws-1","2025-05-02 12:00:00.000","2025-06-01 12:00:00.000"]
SELECT r.d_tool AS "tool", COALESCE(r.p_tc_n, 0) AS "tool_calls", 100.0 * r.p_tc_succ / NULLIF(r.p_tc_known, 0) AS "tool_success_rate"
FROM (SELECT t.name AS d_tool, CAST(count(*) AS double precision) AS p_tc_n, CAST(count(t.success) AS double precision) AS p_tc_known, CAST(count(*) FILTER (WHERE t.success) AS double precision) AS p_tc_succ
  FROM (SELECT x.message_id, x.name, x.success, x.duration_ms, x.message_id AS id
    FROM tool_calls x
    WHERE x.workspace_id = $1 AND x.m_created_at >= CAST($2 AS TIMESTAMP) AND x.m_created_at < CAST($3 AS TIMESTAMP) AND x.m_created_at IS NOT NULL) t
  GROUP BY 1) r
ORDER BY "tool_calls" DESC NULLS LAST, r.d_tool ASC NULLS LAST
LIMIT 10001;
