-- evaluation-metrics-by-tool (duckdb)
-- query: {"metrics":["evaluations","avg_rating"],"dimensions":["tool"],"date_range":"30d"}
-- meta: {"metrics":[{"id":"evaluations","type":"count","unit":"evaluations"},{"id":"avg_rating","type":"average","unit":"rating"}],"dimensions":["tool"],"time_bucket":null,"window":{"from":"2025-05-02T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"limit":10000,"priced":false}
-- params: [7,"2025-05-02 12:00:00.000","2025-06-01 12:00:00.000"]
SELECT r.d_tool AS "tool", COALESCE(r.p_ev_n, 0) AS "evaluations", r.p_ev_rating_sum / NULLIF(r.p_ev_rated, 0) AS "avg_rating"
FROM (SELECT br_tool.d_tool AS d_tool, CAST(count(*) AS DOUBLE) AS p_ev_n, CAST(count(e.rating) AS DOUBLE) AS p_ev_rated, CAST(sum(e.rating) AS DOUBLE) AS p_ev_rating_sum
  FROM (SELECT x.message_id, x.evaluator_id, x.rating, x.success, x.failure_tags, x.message_id AS id
    FROM evaluations x
    WHERE x.ws = $1 AND x.m_created_at >= CAST($2 AS TIMESTAMP) AND x.m_created_at < CAST($3 AS TIMESTAMP) AND x.m_created_at IS NOT NULL) e
  JOIN (SELECT DISTINCT t.message_id, t.name AS d_tool
    FROM tool_calls t
    WHERE t.ws = $1) br_tool ON br_tool.message_id = e.message_id
  GROUP BY 1) r
ORDER BY "evaluations" DESC NULLS LAST, r.d_tool ASC NULLS LAST
LIMIT 10001;
