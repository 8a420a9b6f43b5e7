-- shared-base-cte (postgres)
-- query: {"metrics":["cost","conversations"],"dimensions":["model"],"date_range":"30d","filters":["gte","conversation_length",2]}
-- meta: {"metrics":[{"id":"cost","type":"sum","unit":"usd"},{"id":"conversations","type":"count","unit":"conversations"}],"dimensions":["model"],"time_bucket":null,"window":{"from":"2025-05-02T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"limit":10000,"priced":true}
-- params: ["ws-1",2,"my-ft",0.0001,0.0002,"openai",0.005,0.015,"anthropic","claude",0.003,0.015,0.001,0.002,2,"2025-05-02 12:00:00.000","2025-06-01 12:00:00.000"]
WITH mb AS MATERIALIZED (SELECT x.conversation_id AS conversation_id, cl.n AS conversation_length, x.input_tokens AS input_tokens, x.model_code AS model_code, x.output_tokens AS output_tokens, x.provider_code AS provider_code
  FROM messages x
  LEFT JOIN (SELECT cm.conversation_id, count(*) AS n
    FROM messages cm
    WHERE cm.workspace_id = $1 AND cm.created_at >= CAST($16 AS TIMESTAMP) AND cm.created_at < CAST($17 AS TIMESTAMP)
    GROUP BY cm.conversation_id) cl ON cl.conversation_id = x.conversation_id
  WHERE x.workspace_id = $1 AND x.created_at >= CAST($16 AS TIMESTAMP) AND x.created_at < CAST($17 AS TIMESTAMP))
SELECT v_model.value AS "model", COALESCE(COALESCE(r.p_cost, 0), 0) AS "cost", COALESCE(r.p_conv, 0) AS "conversations", COALESCE(sum(r.p_unpriced) OVER (), 0) AS "__unpriced"
FROM (SELECT d_model, max(p_conv) AS p_conv, max(p_in_tok) AS p_in_tok, max(p_out_tok) AS p_out_tok, max(p_tok_msgs) AS p_tok_msgs, max(p_cost) AS p_cost, max(p_unpriced) AS p_unpriced
  FROM (SELECT g.d_model, CAST(NULL AS double precision) AS p_conv, CAST(sum(g.in_tok) AS double precision) AS p_in_tok, CAST(sum(g.out_tok) AS double precision) AS p_out_tok, CAST(sum(g.tok_msgs) AS double precision) AS p_tok_msgs, CAST(sum(COALESCE(g.in_tok, 0) / 1000.0 * COALESCE(COALESCE(pmo.i, ppo.i, pc.i, CAST($13 AS double precision)), 0) + COALESCE(g.out_tok, 0) / 1000.0 * COALESCE(COALESCE(pmo.o, ppo.o, pc.o, CAST($14 AS double precision)), 0)) AS double precision) AS p_cost, CAST(sum(CASE WHEN COALESCE(COALESCE(pmo.i, ppo.i, pc.i, CAST($13 AS double precision)), COALESCE(pmo.o, ppo.o, pc.o, CAST($14 AS double precision))) IS NULL THEN g.tok_msgs ELSE 0 END) AS double precision) AS p_unpriced
    FROM (SELECT g0.*, vm.value AS pm, vp.value AS pp
      FROM (SELECT b.model_code AS d_model, b.model_code AS pmc, b.provider_code AS ppc, sum(b.input_tokens) AS in_tok, sum(b.output_tokens) AS out_tok, count(*) FILTER (WHERE b.input_tokens > 0 OR b.output_tokens > 0) AS tok_msgs
        FROM mb b
        WHERE b.conversation_length >= CAST($2 AS double precision)
        GROUP BY 1, 2, 3) g0
      LEFT JOIN value_codes vm ON vm.workspace_id = $1 AND vm.code = g0.pmc
      LEFT JOIN value_codes vp ON vp.workspace_id = $1 AND vp.code = g0.ppc) g
    LEFT JOIN (VALUES (CAST($3 AS VARCHAR), CAST($4 AS double precision), CAST($5 AS double precision))) AS pmo(model_id, i, o) ON pmo.model_id = g.pm
    LEFT JOIN (VALUES (CAST($6 AS VARCHAR), CAST($7 AS double precision), CAST($8 AS double precision))) AS ppo(provider, i, o) ON ppo.provider = lower(g.pp)
    LEFT JOIN (VALUES (CAST($9 AS VARCHAR), CAST($10 AS VARCHAR), CAST($11 AS double precision), CAST($12 AS double precision))) AS pc(provider, model_id, i, o) ON pc.model_id = g.pm AND pc.provider IS NOT DISTINCT FROM g.pp
    GROUP BY 1
    UNION ALL
    SELECT b.model_code AS d_model, CAST(count(DISTINCT b.conversation_id) AS double precision) AS p_conv, CAST(NULL AS double precision) AS p_in_tok, CAST(NULL AS double precision) AS p_out_tok, CAST(NULL AS double precision) AS p_tok_msgs, CAST(NULL AS double precision) AS p_cost, CAST(NULL AS double precision) AS p_unpriced
    FROM mb b
    WHERE b.conversation_length >= CAST($15 AS double precision)
    GROUP BY 1) u
  GROUP BY 1) r
LEFT JOIN value_codes v_model ON v_model.workspace_id = $1 AND v_model.code = r.d_model
ORDER BY "cost" DESC NULLS LAST, v_model.value ASC NULLS LAST
LIMIT 10001;
