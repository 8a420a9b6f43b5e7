-- cohort-filter-with-header (postgres)
-- query: {"metrics":["messages","cost","avg_rating","tool_calls"],"filters":["and",[["in","cohort",["c-1","c-2"]],["and",[["in","model",["gpt-4o","claude"]],["eq","training_method","sft"],["eq","experiment","exp-a"],["eq","widget",true],["eq","role","assistant"],["eq","provider","openai"]]]]],"date_range":"30d"}
-- meta: {"metrics":[{"id":"messages","type":"count","unit":"messages"},{"id":"cost","type":"sum","unit":"usd"},{"id":"avg_rating","type":"average","unit":"rating"},{"id":"tool_calls","type":"count","unit":"tool_calls"}],"dimensions":[],"time_bucket":null,"window":{"from":"2025-05-02T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"limit":10000,"priced":true}
-- params: ["ws-1","c-1","c-2","gpt-4o","claude","sft","exp-a",true,"assistant","openai","my-ft",0.0001,0.0002,"openai",0.005,0.015,"anthropic","claude",0.003,0.015,0.001,0.002,"c-1","c-2","gpt-4o","claude","sft","exp-a",true,"assistant","openai","2025-05-02 12:00:00.000","2025-06-01 12:00:00.000","c-1","c-2","gpt-4o","claude","sft","exp-a",true,"assistant","openai"]
SELECT COALESCE(r.p_n, 0) AS "messages", COALESCE(COALESCE(r.p_cost, 0), 0) AS "cost", r.p_ev_rating_sum / NULLIF(r.p_ev_rated, 0) AS "avg_rating", COALESCE(r.p_tc_n, 0) AS "tool_calls", COALESCE(sum(r.p_unpriced) OVER (), 0) AS "__unpriced"
FROM (SELECT max(p_n) AS p_n, max(p_in_tok) AS p_in_tok, max(p_out_tok) AS p_out_tok, max(p_tok_msgs) AS p_tok_msgs, max(p_cost) AS p_cost, max(p_unpriced) AS p_unpriced, max(p_ev_rated) AS p_ev_rated, max(p_ev_rating_sum) AS p_ev_rating_sum, max(p_tc_n) AS p_tc_n
  FROM (SELECT CAST(sum(g.n) AS double precision) AS p_n, CAST(sum(g.in_tok) AS double precision) AS p_in_tok, CAST(sum(g.out_tok) AS double precision) AS p_out_tok, CAST(sum(g.tok_msgs) AS double precision) AS p_tok_msgs, CAST(sum(COALESCE(g.in_tok, 0) / 1000.0 * COALESCE(COALESCE(pmo.i, ppo.i, pc.i, CAST($21 AS double precision)), 0) + COALESCE(g.out_tok, 0) / 1000.0 * COALESCE(COALESCE(pmo.o, ppo.o, pc.o, CAST($22 AS double precision)), 0)) AS double precision) AS p_cost, CAST(sum(CASE WHEN COALESCE(COALESCE(pmo.i, ppo.i, pc.i, CAST($21 AS double precision)), COALESCE(pmo.o, ppo.o, pc.o, CAST($22 AS double precision))) IS NULL THEN g.tok_msgs ELSE 0 END) AS double precision) AS p_unpriced, CAST(NULL AS double precision) AS p_ev_rated, CAST(NULL AS double precision) AS p_ev_rating_sum, CAST(NULL AS double precision) AS p_tc_n
    FROM (SELECT g0.*, vm.value AS pm, vp.value AS pp
      FROM (SELECT b.model_code AS pmc, b.provider_code AS ppc, count(*) AS n, sum(b.input_tokens) AS in_tok, sum(b.output_tokens) AS out_tok, count(*) FILTER (WHERE b.input_tokens > 0 OR b.output_tokens > 0) AS tok_msgs
        FROM (SELECT x.experiment_name AS experiment_name, x.input_tokens AS input_tokens, x.is_widget_session AS is_widget_session, x.model_code AS model_code, x.model_id AS model_id, x.output_tokens AS output_tokens, x.provider AS provider, x.provider_code AS provider_code, x.role AS role, md.training_method AS training_method, x.user_id AS user_id
          FROM messages x
          LEFT JOIN models md ON md.workspace_id = $1 AND md.model_code = x.model_code
          WHERE x.workspace_id = $1 AND x.created_at >= CAST($32 AS TIMESTAMP) AND x.created_at < CAST($33 AS TIMESTAMP)) b
        WHERE b.user_id IN (SELECT ms.user_id
          FROM analytics_cohort_members ms
          WHERE ms.workspace_id = $1 AND ms.cohort_id IN (CAST($2 AS VARCHAR), CAST($3 AS VARCHAR))) AND b.model_id IN (CAST($4 AS VARCHAR), CAST($5 AS VARCHAR)) AND b.training_method = CAST($6 AS VARCHAR) AND b.experiment_name = CAST($7 AS VARCHAR) AND b.is_widget_session = CAST($8 AS BOOLEAN) AND b.role = CAST($9 AS VARCHAR) AND b.provider = CAST($10 AS VARCHAR)
        GROUP BY 1, 2) g0
      LEFT JOIN value_codes vm ON vm.workspace_id = $1 AND vm.code = g0.pmc
      LEFT JOIN value_codes vp ON vp.workspace_id = $1 AND vp.code = g0.ppc) g
    LEFT JOIN (VALUES (CAST($11 AS VARCHAR), CAST($12 AS double precision), CAST($13 AS double precision))) AS pmo(model_id, i, o) ON pmo.model_id = g.pm
    LEFT JOIN (VALUES (CAST($14 AS VARCHAR), CAST($15 AS double precision), CAST($16 AS double precision))) AS ppo(provider, i, o) ON ppo.provider = lower(g.pp)
    LEFT JOIN (VALUES (CAST($17 AS VARCHAR), CAST($18 AS VARCHAR), CAST($19 AS double precision), CAST($20 AS double precision))) AS pc(provider, model_id, i, o) ON pc.model_id = g.pm AND pc.provider IS NOT DISTINCT FROM g.pp
    UNION ALL
    SELECT CAST(NULL AS double precision) AS p_n, CAST(NULL AS double precision) AS p_in_tok, CAST(NULL AS double precision) AS p_out_tok, CAST(NULL AS double precision) AS p_tok_msgs, CAST(NULL AS double precision) AS p_cost, CAST(NULL AS double precision) AS p_unpriced, CAST(count(e.rating) AS double precision) AS p_ev_rated, CAST(sum(e.rating) AS double precision) AS p_ev_rating_sum, CAST(NULL AS double precision) AS p_tc_n
    FROM (SELECT x.message_id, x.evaluator_id, x.rating, x.success, x.failure_tags, x.m_experiment_name AS experiment_name, x.m_is_widget_session AS is_widget_session, x.m_model_id AS model_id, x.m_provider AS provider, x.m_role AS role, md.training_method AS training_method, x.m_user_id AS user_id
      FROM evaluations x
      LEFT JOIN models md ON md.workspace_id = $1 AND md.model_code = x.m_model_code
      WHERE x.workspace_id = $1 AND x.m_created_at >= CAST($32 AS TIMESTAMP) AND x.m_created_at < CAST($33 AS TIMESTAMP) AND x.m_created_at IS NOT NULL) e
    WHERE e.user_id IN (SELECT ms.user_id
      FROM analytics_cohort_members ms
      WHERE ms.workspace_id = $1 AND ms.cohort_id IN (CAST($23 AS VARCHAR), CAST($24 AS VARCHAR))) AND e.model_id IN (CAST($25 AS VARCHAR), CAST($26 AS VARCHAR)) AND e.training_method = CAST($27 AS VARCHAR) AND e.experiment_name = CAST($28 AS VARCHAR) AND e.is_widget_session = CAST($29 AS BOOLEAN) AND e.role = CAST($30 AS VARCHAR) AND e.provider = CAST($31 AS VARCHAR)
    UNION ALL
    SELECT CAST(NULL AS double precision) AS p_n, CAST(NULL AS double precision) AS p_in_tok, CAST(NULL AS double precision) AS p_out_tok, CAST(NULL AS double precision) AS p_tok_msgs, CAST(NULL AS double precision) AS p_cost, CAST(NULL AS double precision) AS p_unpriced, CAST(NULL AS double precision) AS p_ev_rated, CAST(NULL AS double precision) AS p_ev_rating_sum, CAST(count(*) AS double precision) AS p_tc_n
    FROM (SELECT x.message_id, x.name, x.success, x.duration_ms, x.m_experiment_name AS experiment_name, x.m_is_widget_session AS is_widget_session, x.m_model_id AS model_id, x.m_provider AS provider, x.m_role AS role, md.training_method AS training_method, x.m_user_id AS user_id
      FROM tool_calls x
      LEFT JOIN models md ON md.workspace_id = $1 AND md.model_code = x.m_model_code
      WHERE x.workspace_id = $1 AND x.m_created_at >= CAST($32 AS TIMESTAMP) AND x.m_created_at < CAST($33 AS TIMESTAMP) AND x.m_created_at IS NOT NULL) t
    WHERE t.user_id IN (SELECT ms.user_id
      FROM analytics_cohort_members ms
      WHERE ms.workspace_id = $1 AND ms.cohort_id IN (CAST($34 AS VARCHAR), CAST($35 AS VARCHAR))) AND t.model_id IN (CAST($36 AS VARCHAR), CAST($37 AS VARCHAR)) AND t.training_method = CAST($38 AS VARCHAR) AND t.experiment_name = CAST($39 AS VARCHAR) AND t.is_widget_session = CAST($40 AS BOOLEAN) AND t.role = CAST($41 AS VARCHAR) AND t.provider = CAST($42 AS VARCHAR)) u) r
ORDER BY "messages" DESC NULLS LAST
LIMIT 10001;
