-- by-cohort-model-metrics (postgres)
-- query: {"metrics":["messages","cost","latency_p95","avg_rating","success_rate","users"],"dimensions":["cohort"],"filters":["in","cohort",["c-1","c-2"]],"date_range":"30d"}
-- meta: {"metrics":[{"id":"messages","type":"count","unit":"messages"},{"id":"cost","type":"sum","unit":"usd"},{"id":"latency_p95","type":"percentile","unit":"ms"},{"id":"avg_rating","type":"average","unit":"rating"},{"id":"success_rate","type":"rate","unit":"percent"},{"id":"users","type":"count","unit":"users"}],"dimensions":["cohort"],"time_bucket":null,"window":{"from":"2025-05-02T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"limit":10000,"priced":true}
-- params: ["ws-1","c-1","c-2","my-ft",0.0001,0.0002,"openai",0.005,0.015,"anthropic","claude",0.003,0.015,0.001,0.002,"c-1","c-2","c-1","c-2","2025-05-02 12:00:00.000","2025-06-01 12:00:00.000"]
SELECT r.d_cohort AS "cohort", COALESCE(r.p_n, 0) AS "messages", COALESCE(COALESCE(r.p_cost, 0), 0) AS "cost", r.p_lat_p95 AS "latency_p95", r.p_ev_rating_sum / NULLIF(r.p_ev_rated, 0) AS "avg_rating", 100.0 * r.p_ev_succ / NULLIF(r.p_ev_n, 0) AS "success_rate", COALESCE(r.p_users, 0) AS "users", COALESCE(sum(r.p_unpriced) OVER (), 0) AS "__unpriced"
FROM (SELECT d_cohort, max(p_n) AS p_n, max(p_users) AS p_users, max(p_in_tok) AS p_in_tok, max(p_out_tok) AS p_out_tok, max(p_tok_msgs) AS p_tok_msgs, max(p_cost) AS p_cost, max(p_unpriced) AS p_unpriced, max(p_lat_p95) AS p_lat_p95, max(p_ev_n) AS p_ev_n, max(p_ev_rated) AS p_ev_rated, max(p_ev_rating_sum) AS p_ev_rating_sum, max(p_ev_succ) AS p_ev_succ
  FROM (SELECT g.d_cohort, CAST(sum(g.n) AS double precision) AS p_n, CAST(NULL AS double precision) AS p_users, CAST(sum(g.in_tok) AS double precision) AS p_in_tok, CAST(sum(g.out_tok) AS double precision) AS p_out_tok, CAST(sum(g.tok_msgs) AS double precision) AS p_tok_msgs, CAST(sum(COALESCE(g.in_tok, 0) / 1000.0 * COALESCE(COALESCE(pmo.i, ppo.i, pc.i, CAST($14 AS double precision)), 0) + COALESCE(g.out_tok, 0) / 1000.0 * COALESCE(COALESCE(pmo.o, ppo.o, pc.o, CAST($15 AS double precision)), 0)) AS double precision) AS p_cost, CAST(sum(CASE WHEN COALESCE(COALESCE(pmo.i, ppo.i, pc.i, CAST($14 AS double precision)), COALESCE(pmo.o, ppo.o, pc.o, CAST($15 AS double precision))) IS NULL THEN g.tok_msgs ELSE 0 END) AS double precision) AS p_unpriced, CAST(NULL AS double precision) AS p_lat_p95, CAST(NULL AS double precision) AS p_ev_n, CAST(NULL AS double precision) AS p_ev_rated, CAST(NULL AS double precision) AS p_ev_rating_sum, CAST(NULL AS double precision) AS p_ev_succ
    FROM (SELECT g0.*, vm.value AS pm, vp.value AS pp
      FROM (SELECT b.cohort_id AS d_cohort, b.model_code AS pmc, b.provider_code AS ppc, count(*) AS n, sum(b.input_tokens) AS in_tok, sum(b.output_tokens) AS out_tok, count(*) FILTER (WHERE b.input_tokens > 0 OR b.output_tokens > 0) AS tok_msgs
        FROM (SELECT co.cohort_id AS cohort_id, x.input_tokens AS input_tokens, x.model_code AS model_code, x.output_tokens AS output_tokens, x.provider_code AS provider_code, x.user_id AS user_id
          FROM messages x
          LEFT JOIN analytics_cohort_members co ON co.workspace_id = $1 AND co.user_id = x.user_id
          WHERE x.workspace_id = $1 AND x.created_at >= CAST($20 AS TIMESTAMP) AND x.created_at < CAST($21 AS TIMESTAMP)) b
        WHERE b.user_id IN (SELECT ms.user_id
          FROM analytics_cohort_members ms
          WHERE ms.workspace_id = $1 AND ms.cohort_id IN (CAST($2 AS VARCHAR), CAST($3 AS VARCHAR)))
        GROUP BY 1, 2, 3) g0
      LEFT JOIN value_codes vm ON vm.workspace_id = $1 AND vm.code = g0.pmc
      LEFT JOIN value_codes vp ON vp.workspace_id = $1 AND vp.code = g0.ppc) g
    LEFT JOIN (VALUES (CAST($4 AS VARCHAR), CAST($5 AS double precision), CAST($6 AS double precision))) AS pmo(model_id, i, o) ON pmo.model_id = g.pm
    LEFT JOIN (VALUES (CAST($7 AS VARCHAR), CAST($8 AS double precision), CAST($9 AS double precision))) AS ppo(provider, i, o) ON ppo.provider = lower(g.pp)
    LEFT JOIN (VALUES (CAST($10 AS VARCHAR), CAST($11 AS VARCHAR), CAST($12 AS double precision), CAST($13 AS double precision))) AS pc(provider, model_id, i, o) ON pc.model_id = g.pm AND pc.provider IS NOT DISTINCT FROM g.pp
    GROUP BY 1
    UNION ALL
    SELECT b.cohort_id AS d_cohort, CAST(NULL AS double precision) AS p_n, CAST(count(DISTINCT b.user_id) AS double precision) AS p_users, CAST(NULL AS double precision) AS p_in_tok, CAST(NULL AS double precision) AS p_out_tok, CAST(NULL AS double precision) AS p_tok_msgs, CAST(NULL AS double precision) AS p_cost, CAST(NULL AS double precision) AS p_unpriced, CAST((percentile_cont(ARRAY[0.5, 0.9, 0.95, 0.99]::double precision[]) WITHIN GROUP (ORDER BY b.latency_ms))[3] AS double precision) AS p_lat_p95, CAST(NULL AS double precision) AS p_ev_n, CAST(NULL AS double precision) AS p_ev_rated, CAST(NULL AS double precision) AS p_ev_rating_sum, CAST(NULL AS double precision) AS p_ev_succ
    FROM (SELECT co.cohort_id AS cohort_id, x.latency_ms AS latency_ms, x.user_id AS user_id
      FROM messages x
      LEFT JOIN analytics_cohort_members co ON co.workspace_id = $1 AND co.user_id = x.user_id
      WHERE x.workspace_id = $1 AND x.created_at >= CAST($20 AS TIMESTAMP) AND x.created_at < CAST($21 AS TIMESTAMP)) b
    WHERE b.user_id IN (SELECT ms.user_id
      FROM analytics_cohort_members ms
      WHERE ms.workspace_id = $1 AND ms.cohort_id IN (CAST($16 AS VARCHAR), CAST($17 AS VARCHAR)))
    GROUP BY 1
    UNION ALL
    SELECT e.cohort_id AS d_cohort, CAST(NULL AS double precision) AS p_n, CAST(NULL AS double precision) AS p_users, CAST(NULL AS double precision) AS p_in_tok, CAST(NULL AS double precision) AS p_out_tok, CAST(NULL AS double precision) AS p_tok_msgs, CAST(NULL AS double precision) AS p_cost, CAST(NULL AS double precision) AS p_unpriced, CAST(NULL AS double precision) AS p_lat_p95, CAST(count(*) AS double precision) AS p_ev_n, CAST(count(e.rating) AS double precision) AS p_ev_rated, CAST(sum(e.rating) AS double precision) AS p_ev_rating_sum, CAST(count(*) FILTER (WHERE e.success) AS double precision) AS p_ev_succ
    FROM (SELECT x.message_id, x.evaluator_id, x.rating, x.success, x.failure_tags, co.cohort_id AS cohort_id, x.m_user_id AS user_id
      FROM evaluations x
      LEFT JOIN analytics_cohort_members co ON co.workspace_id = $1 AND co.user_id = x.m_user_id
      WHERE x.workspace_id = $1 AND x.m_created_at >= CAST($20 AS TIMESTAMP) AND x.m_created_at < CAST($21 AS TIMESTAMP) AND x.m_created_at IS NOT NULL) e
    WHERE e.user_id IN (SELECT ms.user_id
      FROM analytics_cohort_members ms
      WHERE ms.workspace_id = $1 AND ms.cohort_id IN (CAST($18 AS VARCHAR), CAST($19 AS VARCHAR)))
    GROUP BY 1) u
  GROUP BY 1) r
ORDER BY "messages" DESC NULLS LAST, r.d_cohort ASC NULLS LAST
LIMIT 10001;
