-- compare-kpis-one-statement (postgres)
-- query: {"metrics":["messages","conversations","avg_rating","success_rate","error_rate","latency_p95","sla_breach_rate","cost","total_tokens"],"date_range":"30d","compare":"previous_period"}
-- meta: {"metrics":[{"id":"messages","type":"count","unit":"messages"},{"id":"conversations","type":"count","unit":"conversations"},{"id":"avg_rating","type":"average","unit":"rating"},{"id":"success_rate","type":"rate","unit":"percent"},{"id":"error_rate","type":"rate","unit":"percent"},{"id":"latency_p95","type":"percentile","unit":"ms"},{"id":"sla_breach_rate","type":"rate","unit":"percent"},{"id":"cost","type":"sum","unit":"usd"},{"id":"total_tokens","type":"sum","unit":"tokens"}],"dimensions":[],"time_bucket":null,"window":{"from":"2025-05-02T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"comparison_window":{"from":"2025-04-02T12:00:00.000Z","to":"2025-05-02T12:00:00.000Z"},"limit":10000,"priced":true}
-- periods: both in one statement
-- params: ["ws-1","2025-05-02 12:00:00.000",1500,"my-ft",0.0001,0.0002,"openai",0.005,0.015,"anthropic","claude",0.003,0.015,0.001,0.002,"2025-04-02 12:00:00.000","2025-06-01 12:00:00.000"]
SELECT pp.d___period AS "__period", COALESCE(r.p_n, 0) AS "messages", COALESCE(r.p_conv, 0) AS "conversations", r.p_ev_rating_sum / NULLIF(r.p_ev_rated, 0) AS "avg_rating", 100.0 * r.p_ev_succ / NULLIF(r.p_ev_n, 0) AS "success_rate", 100.0 * r.p_err / NULLIF(r.p_n, 0) AS "error_rate", r.p_lat_p95 AS "latency_p95", 100.0 * r.p_breach / NULLIF(r.p_lat_n, 0) AS "sla_breach_rate", COALESCE(COALESCE(r.p_cost, 0), 0) AS "cost", COALESCE(COALESCE(r.p_in_tok, 0) + COALESCE(r.p_out_tok, 0), 0) AS "total_tokens", COALESCE(sum(r.p_unpriced) OVER (PARTITION BY pp.d___period), 0) AS "__unpriced"
FROM (VALUES (0), (1)) pp(d___period)
LEFT JOIN (SELECT d___period, max(p_n) AS p_n, max(p_err) AS p_err, max(p_conv) AS p_conv, max(p_in_tok) AS p_in_tok, max(p_out_tok) AS p_out_tok, max(p_tok_msgs) AS p_tok_msgs, max(p_cost) AS p_cost, max(p_unpriced) AS p_unpriced, max(p_lat_n) AS p_lat_n, max(p_breach) AS p_breach, max(p_lat_p95) AS p_lat_p95, max(p_ev_n) AS p_ev_n, max(p_ev_rated) AS p_ev_rated, max(p_ev_rating_sum) AS p_ev_rating_sum, max(p_ev_succ) AS p_ev_succ
  FROM (SELECT g.d___period, CAST(sum(g.n) AS double precision) AS p_n, CAST(sum(g.err) AS double precision) AS p_err, CAST(NULL AS double precision) AS p_conv, CAST(sum(g.in_tok) AS double precision) AS p_in_tok, CAST(sum(g.out_tok) AS double precision) AS p_out_tok, CAST(sum(g.tok_msgs) AS double precision) AS p_tok_msgs, CAST(sum(COALESCE(g.in_tok, 0) / 1000.0 * COALESCE(COALESCE(pmo.i, ppo.i, pc.i, CAST($14 AS double precision)), 0) + COALESCE(g.out_tok, 0) / 1000.0 * COALESCE(COALESCE(pmo.o, ppo.o, pc.o, CAST($15 AS double precision)), 0)) AS double precision) AS p_cost, CAST(sum(CASE WHEN COALESCE(COALESCE(pmo.i, ppo.i, pc.i, CAST($14 AS double precision)), COALESCE(pmo.o, ppo.o, pc.o, CAST($15 AS double precision))) IS NULL THEN g.tok_msgs ELSE 0 END) AS double precision) AS p_unpriced, CAST(sum(g.lat_n) AS double precision) AS p_lat_n, CAST(sum(g.breach) AS double precision) AS p_breach, CAST(NULL AS double precision) AS p_lat_p95, CAST(NULL AS double precision) AS p_ev_n, CAST(NULL AS double precision) AS p_ev_rated, CAST(NULL AS double precision) AS p_ev_rating_sum, CAST(NULL AS double precision) AS p_ev_succ
    FROM (SELECT g0.*, vm.value AS pm, vp.value AS pp
      FROM (SELECT CASE WHEN b.created_at >= CAST($2 AS TIMESTAMP) THEN 0 ELSE 1 END AS d___period, b.model_code AS pmc, b.provider_code AS ppc, count(*) AS n, count(NULLIF(b.error_code, (SELECT vc.code
              FROM value_codes vc
              WHERE vc.workspace_id = $1 AND vc.value = ''))) AS err, sum(b.input_tokens) AS in_tok, sum(b.output_tokens) AS out_tok, count(*) FILTER (WHERE b.input_tokens > 0 OR b.output_tokens > 0) AS tok_msgs, count(b.latency_ms) AS lat_n, count(*) FILTER (WHERE b.latency_ms > CAST($3 AS INTEGER)) AS breach
        FROM (SELECT x.created_at AS created_at, x.error_code AS error_code, x.input_tokens AS input_tokens, x.latency_ms AS latency_ms, x.model_code AS model_code, x.output_tokens AS output_tokens, x.provider_code AS provider_code
          FROM messages x
          WHERE x.workspace_id = $1 AND x.created_at >= CAST($16 AS TIMESTAMP) AND x.created_at < CAST($17 AS TIMESTAMP)) b
        GROUP BY 1, 2, 3) g0
      LEFT JOIN value_codes vm ON vm.workspace_id = $1 AND vm.code = g0.pmc
      LEFT JOIN value_codes vp ON vp.workspace_id = $1 AND vp.code = g0.ppc) g
    LEFT JOIN (VALUES (CAST($4 AS VARCHAR), CAST($5 AS double precision), CAST($6 AS double precision))) AS pmo(model_id, i, o) ON pmo.model_id = g.pm
    LEFT JOIN (VALUES (CAST($7 AS VARCHAR), CAST($8 AS double precision), CAST($9 AS double precision))) AS ppo(provider, i, o) ON ppo.provider = lower(g.pp)
    LEFT JOIN (VALUES (CAST($10 AS VARCHAR), CAST($11 AS VARCHAR), CAST($12 AS double precision), CAST($13 AS double precision))) AS pc(provider, model_id, i, o) ON pc.model_id = g.pm AND pc.provider IS NOT DISTINCT FROM g.pp
    GROUP BY 1
    UNION ALL
    SELECT 0 AS d___period, CAST(NULL AS double precision) AS p_n, CAST(NULL AS double precision) AS p_err, CAST(count(DISTINCT b.conversation_id) AS double precision) AS p_conv, CAST(NULL AS double precision) AS p_in_tok, CAST(NULL AS double precision) AS p_out_tok, CAST(NULL AS double precision) AS p_tok_msgs, CAST(NULL AS double precision) AS p_cost, CAST(NULL AS double precision) AS p_unpriced, CAST(NULL AS double precision) AS p_lat_n, CAST(NULL AS double precision) AS p_breach, CAST((percentile_cont(ARRAY[0.5, 0.9, 0.95, 0.99]::double precision[]) WITHIN GROUP (ORDER BY b.latency_ms))[3] AS double precision) AS p_lat_p95, CAST(NULL AS double precision) AS p_ev_n, CAST(NULL AS double precision) AS p_ev_rated, CAST(NULL AS double precision) AS p_ev_rating_sum, CAST(NULL AS double precision) AS p_ev_succ
    FROM (SELECT x.conversation_id AS conversation_id, x.created_at AS created_at, x.latency_ms AS latency_ms
      FROM messages x
      WHERE x.workspace_id = $1 AND x.created_at >= CAST($16 AS TIMESTAMP) AND x.created_at < CAST($17 AS TIMESTAMP)) b
    WHERE b.created_at >= CAST($2 AS TIMESTAMP)
    UNION ALL
    SELECT 1 AS d___period, CAST(NULL AS double precision) AS p_n, CAST(NULL AS double precision) AS p_err, CAST(count(DISTINCT b.conversation_id) AS double precision) AS p_conv, CAST(NULL AS double precision) AS p_in_tok, CAST(NULL AS double precision) AS p_out_tok, CAST(NULL AS double precision) AS p_tok_msgs, CAST(NULL AS double precision) AS p_cost, CAST(NULL AS double precision) AS p_unpriced, CAST(NULL AS double precision) AS p_lat_n, CAST(NULL AS double precision) AS p_breach, CAST((percentile_cont(ARRAY[0.5, 0.9, 0.95, 0.99]::double precision[]) WITHIN GROUP (ORDER BY b.latency_ms))[3] AS double precision) AS p_lat_p95, CAST(NULL AS double precision) AS p_ev_n, CAST(NULL AS double precision) AS p_ev_rated, CAST(NULL AS double precision) AS p_ev_rating_sum, CAST(NULL AS double precision) AS p_ev_succ
    FROM (SELECT x.conversation_id AS conversation_id, x.created_at AS created_at, x.latency_ms AS latency_ms
      FROM messages x
      WHERE x.workspace_id = $1 AND x.created_at >= CAST($16 AS TIMESTAMP) AND x.created_at < CAST($17 AS TIMESTAMP)) b
    WHERE b.created_at < CAST($2 AS TIMESTAMP)
    UNION ALL
    SELECT CASE WHEN e.created_at >= CAST($2 AS TIMESTAMP) THEN 0 ELSE 1 END AS d___period, CAST(NULL AS double precision) AS p_n, CAST(NULL AS double precision) AS p_err, CAST(NULL AS double precision) AS p_conv, CAST(NULL AS double precision) AS p_in_tok, CAST(NULL AS double precision) AS p_out_tok, CAST(NULL AS double precision) AS p_tok_msgs, CAST(NULL AS double precision) AS p_cost, CAST(NULL AS double precision) AS p_unpriced, CAST(NULL AS double precision) AS p_lat_n, CAST(NULL AS double precision) AS p_breach, CAST(NULL AS double precision) AS p_lat_p95, CAST(count(*) AS double precision) AS p_ev_n, CAST(count(e.rating) AS double precision) AS p_ev_rated, CAST(sum(e.rating) AS double precision) AS p_ev_rating_sum, CAST(count(*) FILTER (WHERE e.success) AS double precision) AS p_ev_succ
    FROM (SELECT x.message_id, x.evaluator_id, x.rating, x.success, x.failure_tags, x.m_created_at AS created_at
      FROM evaluations x
      WHERE x.workspace_id = $1 AND x.m_created_at >= CAST($16 AS TIMESTAMP) AND x.m_created_at < CAST($17 AS TIMESTAMP) AND x.m_created_at IS NOT NULL) e
    GROUP BY 1) u
  GROUP BY 1) r ON r.d___period = pp.d___period
ORDER BY "messages" DESC NULLS LAST, pp.d___period ASC NULLS LAST
LIMIT 10001;
