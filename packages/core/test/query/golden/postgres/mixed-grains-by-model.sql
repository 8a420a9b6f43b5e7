-- mixed-grains-by-model (postgres)
-- query: {"metrics":["messages","avg_rating","tool_calls","evaluators"],"dimensions":["model"],"date_range":"30d"}
-- meta: {"metrics":[{"id":"messages","type":"count","unit":"messages"},{"id":"avg_rating","type":"average","unit":"rating"},{"id":"tool_calls","type":"count","unit":"tool_calls"},{"id":"evaluators","type":"count","unit":"evaluators"}],"dimensions":["model"],"time_bucket":null,"window":{"from":"2025-05-02T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"limit":10000,"priced":false}
-- params: ["ws-1","2025-05-02 12:00:00.000","2025-06-01 12:00:00.000"]
SELECT v_model.value AS "model", COALESCE(r.p_n, 0) AS "messages", r.p_ev_rating_sum / NULLIF(r.p_ev_rated, 0) AS "avg_rating", COALESCE(r.p_tc_n, 0) AS "tool_calls", COALESCE(r.p_ev_evaluators, 0) AS "evaluators"
FROM (SELECT d_model, max(p_n) AS p_n, max(p_ev_rated) AS p_ev_rated, max(p_ev_rating_sum) AS p_ev_rating_sum, max(p_ev_evaluators) AS p_ev_evaluators, max(p_tc_n) AS p_tc_n
  FROM (SELECT b.model_code AS d_model, CAST(count(*) AS double precision) AS p_n, CAST(NULL AS double precision) AS p_ev_rated, CAST(NULL AS double precision) AS p_ev_rating_sum, CAST(NULL AS double precision) AS p_ev_evaluators, CAST(NULL AS double precision) AS p_tc_n
    FROM (SELECT x.model_code AS model_code
      FROM messages x
      WHERE x.workspace_id = $1 AND x.created_at >= CAST($2 AS TIMESTAMP) AND x.created_at < CAST($3 AS TIMESTAMP)) b
    GROUP BY 1
    UNION ALL
    SELECT e.model_code AS d_model, CAST(NULL AS double precision) AS p_n, CAST(count(e.rating) AS double precision) AS p_ev_rated, CAST(sum(e.rating) AS double precision) AS p_ev_rating_sum, CAST(count(DISTINCT e.evaluator_id) AS double precision) AS p_ev_evaluators, CAST(NULL AS double precision) AS p_tc_n
    FROM (SELECT x.message_id, x.evaluator_id, x.rating, x.success, x.failure_tags, x.m_model_code AS model_code
      FROM evaluations x
      WHERE x.workspace_id = $1 AND x.m_created_at >= CAST($2 AS TIMESTAMP) AND x.m_created_at < CAST($3 AS TIMESTAMP) AND x.m_created_at IS NOT NULL) e
    GROUP BY 1
    UNION ALL
    SELECT t.model_code AS d_model, CAST(NULL AS double precision) AS p_n, CAST(NULL AS double precision) AS p_ev_rated, CAST(NULL AS double precision) AS p_ev_rating_sum, CAST(NULL AS double precision) AS p_ev_evaluators, CAST(count(*) AS double precision) AS p_tc_n
    FROM (SELECT x.message_id, x.name, x.success, x.duration_ms, x.m_model_code AS model_code
      FROM tool_calls x
      WHERE x.workspace_id = $1 AND x.m_created_at >= CAST($2 AS TIMESTAMP) AND x.m_created_at < CAST($3 AS TIMESTAMP) AND x.m_created_at IS NOT NULL) t
    GROUP BY 1) u
  GROUP BY 1) r
LEFT JOIN value_codes v_model ON v_model.workspace_id = $1 AND v_model.code = r.d_model
ORDER BY "messages" DESC NULLS LAST, v_model.value ASC NULLS LAST
LIMIT 10001;
