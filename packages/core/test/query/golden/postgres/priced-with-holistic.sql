-- priced-with-holistic (postgres)
-- query: {"metrics":["cost","conversations","latency_p95"],"dimensions":["session"],"date_range":"30d"}
-- meta: {"metrics":[{"id":"cost","type":"sum","unit":"usd"},{"id":"conversations","type":"count","unit":"conversations"},{"id":"latency_p95","type":"percentile","unit":"ms"}],"dimensions":["session"],"time_bucket":null,"window":{"from":"2025-05-02T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"limit":10000,"priced":true}
-- params: ["ws-1","my-ft",0.0001,0.0002,"openai",0.005,0.015,"anthropic","claude",0.003,0.015,0.001,0.002,"2025-05-02 12:00:00.000","2025-06-01 12:00:00.000"]
SELECT v_session.value AS "session", COALESCE(COALESCE(r.p_cost, 0), 0) AS "cost", COALESCE(r.p_conv, 0) AS "conversations", r.p_lat_p95 AS "latency_p95", COALESCE(sum(r.p_unpriced) OVER (), 0) AS "__unpriced"
FROM (SELECT d_session, max(p_conv) AS p_conv, max(p_in_tok) AS p_in_tok, max(p_out_tok) AS p_out_tok, max(p_tok_msgs) AS p_tok_msgs, max(p_cost) AS p_cost, max(p_unpriced) AS p_unpriced, max(p_lat_p95) AS p_lat_p95
  FROM (SELECT g.d_session, CAST(NULL AS double precision) AS p_conv, CAST(sum(g.in_tok) AS double precision) AS p_in_tok, CAST(sum(g.out_tok) AS double precision) AS p_out_tok, CAST(sum(g.tok_msgs) AS double precision) AS p_tok_msgs, CAST(sum(COALESCE(g.in_tok, 0) / 1000.0 * COALESCE(COALESCE(pmo.i, ppo.i, pc.i, CAST($12 AS double precision)), 0) + COALESCE(g.out_tok, 0) / 1000.0 * COALESCE(COALESCE(pmo.o, ppo.o, pc.o, CAST($13 AS double precision)), 0)) AS double precision) AS p_cost, CAST(sum(CASE WHEN COALESCE(COALESCE(pmo.i, ppo.i, pc.i, CAST($12 AS double precision)), COALESCE(pmo.o, ppo.o, pc.o, CAST($13 AS double precision))) IS NULL THEN g.tok_msgs ELSE 0 END) AS double precision) AS p_unpriced, CAST(NULL AS double precision) AS p_lat_p95
    FROM (SELECT g0.*, vm.value AS pm, vp.value AS pp
      FROM (SELECT b.session_code AS d_session, b.model_code AS pmc, b.provider_code AS ppc, sum(b.input_tokens) AS in_tok, sum(b.output_tokens) AS out_tok, count(*) FILTER (WHERE b.input_tokens > 0 OR b.output_tokens > 0) AS tok_msgs
        FROM (SELECT x.input_tokens AS input_tokens, x.model_code AS model_code, x.output_tokens AS output_tokens, x.provider_code AS provider_code, x.session_code AS session_code
          FROM messages x
          WHERE x.workspace_id = $1 AND x.created_at >= CAST($14 AS TIMESTAMP) AND x.created_at < CAST($15 AS TIMESTAMP)) b
        GROUP BY 1, 2, 3) g0
      LEFT JOIN value_codes vm ON vm.workspace_id = $1 AND vm.code = g0.pmc
      LEFT JOIN value_codes vp ON vp.workspace_id = $1 AND vp.code = g0.ppc) g
    LEFT JOIN (VALUES (CAST($2 AS VARCHAR), CAST($3 AS double precision), CAST($4 AS double precision))) AS pmo(model_id, i, o) ON pmo.model_id = g.pm
    LEFT JOIN (VALUES (CAST($5 AS VARCHAR), CAST($6 AS double precision), CAST($7 AS double precision))) AS ppo(provider, i, o) ON ppo.provider = lower(g.pp)
    LEFT JOIN (VALUES (CAST($8 AS VARCHAR), CAST($9 AS VARCHAR), CAST($10 AS double precision), CAST($11 AS double precision))) AS pc(provider, model_id, i, o) ON pc.model_id = g.pm AND pc.provider IS NOT DISTINCT FROM g.pp
    GROUP BY 1
    UNION ALL
    SELECT b.session_code AS d_session, CAST(count(DISTINCT b.conversation_id) AS double precision) AS p_conv, CAST(NULL AS double precision) AS p_in_tok, CAST(NULL AS double precision) AS p_out_tok, CAST(NULL AS double precision) AS p_tok_msgs, CAST(NULL AS double precision) AS p_cost, CAST(NULL AS double precision) AS p_unpriced, CAST((percentile_cont(ARRAY[0.5, 0.9, 0.95, 0.99]::double precision[]) WITHIN GROUP (ORDER BY b.latency_ms))[3] AS double precision) AS p_lat_p95
    FROM (SELECT x.conversation_id AS conversation_id, x.latency_ms AS latency_ms, x.session_code AS session_code
      FROM messages x
      WHERE x.workspace_id = $1 AND x.created_at >= CAST($14 AS TIMESTAMP) AND x.created_at < CAST($15 AS TIMESTAMP)) b
    GROUP BY 1) u
  GROUP BY 1) r
LEFT JOIN value_codes v_session ON v_session.workspace_id = $1 AND v_session.code = r.d_session
ORDER BY "cost" DESC NULLS LAST, v_session.value ASC NULLS LAST
LIMIT 10001;
