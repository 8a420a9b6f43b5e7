-- priced-late-model-dims (postgres)
-- query: {"metrics":["cost","unpriced_messages"],"dimensions":["model","training_method","base_model"],"date_range":"30d"}
-- meta: {"metrics":[{"id":"cost","type":"sum","unit":"usd"},{"id":"unpriced_messages","type":"sum","unit":"messages"}],"dimensions":["model","training_method","base_model"],"time_bucket":null,"window":{"from":"2025-05-02T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"limit":10000,"priced":true}
-- params: ["ws-1","my-ft",0.0001,0.0002,"openai",0.005,0.015,"anthropic","claude",0.003,0.015,0.001,0.002,"2025-05-02 12:00:00.000","2025-06-01 12:00:00.000"]
SELECT v_model.value AS "model", v_training_method.value AS "training_method", v_base_model.value AS "base_model", COALESCE(COALESCE(r.p_cost, 0), 0) AS "cost", COALESCE(COALESCE(r.p_unpriced, 0), 0) AS "unpriced_messages", COALESCE(sum(r.p_unpriced) OVER (), 0) AS "__unpriced"
FROM (SELECT g.d_model, g.d_training_method, g.d_base_model, CAST(sum(g.in_tok) AS double precision) AS p_in_tok, CAST(sum(g.out_tok) AS double precision) AS p_out_tok, CAST(sum(g.tok_msgs) AS double precision) AS p_tok_msgs, CAST(sum(COALESCE(g.in_tok, 0) / 1000.0 * COALESCE(COALESCE(pmo.i, ppo.i, pc.i, CAST($12 AS double precision)), 0) + COALESCE(g.out_tok, 0) / 1000.0 * COALESCE(COALESCE(pmo.o, ppo.o, pc.o, CAST($13 AS double precision)), 0)) AS double precision) AS p_cost, CAST(sum(CASE WHEN COALESCE(COALESCE(pmo.i, ppo.i, pc.i, CAST($12 AS double precision)), COALESCE(pmo.o, ppo.o, pc.o, CAST($13 AS double precision))) IS NULL THEN g.tok_msgs ELSE 0 END) AS double precision) AS p_unpriced
  FROM (SELECT g0.*, vm.value AS pm, vp.value AS pp, md.training_method_code AS d_training_method, md.base_model_code AS d_base_model
    FROM (SELECT b.model_code AS d_model, b.model_code AS pmc, b.provider_code AS ppc, sum(b.input_tokens) AS in_tok, sum(b.output_tokens) AS out_tok, count(*) FILTER (WHERE b.input_tokens > 0 OR b.output_tokens > 0) AS tok_msgs
      FROM (SELECT x.input_tokens AS input_tokens, x.model_code AS model_code, x.output_tokens AS output_tokens, x.provider_code AS provider_code
        FROM messages x
        WHERE x.workspace_id = $1 AND x.created_at >= CAST($14 AS TIMESTAMP) AND x.created_at < CAST($15 AS TIMESTAMP)) b
      GROUP BY 1, 2, 3) g0
    LEFT JOIN value_codes vm ON vm.workspace_id = $1 AND vm.code = g0.pmc
    LEFT JOIN value_codes vp ON vp.workspace_id = $1 AND vp.code = g0.ppc
    LEFT JOIN models md ON md.workspace_id = $1 AND md.model_code = g0.pmc) g
  LEFT JOIN (VALUES (CAST($2 AS VARCHAR), CAST($3 AS double precision), CAST($4 AS double precision))) AS pmo(model_id, i, o) ON pmo.model_id = g.pm
  LEFT JOIN (VALUES (CAST($5 AS VARCHAR), CAST($6 AS double precision), CAST($7 AS double precision))) AS ppo(provider, i, o) ON ppo.provider = lower(g.pp)
  LEFT JOIN (VALUES (CAST($8 AS VARCHAR), CAST($9 AS VARCHAR), CAST($10 AS double precision), CAST($11 AS double precision))) AS pc(provider, model_id, i, o) ON pc.model_id = g.pm AND pc.provider IS NOT DISTINCT FROM g.pp
  GROUP BY 1, 2, 3) r
LEFT JOIN value_codes v_model ON v_model.workspace_id = $1 AND v_model.code = r.d_model
LEFT JOIN value_codes v_training_method ON v_training_method.workspace_id = $1 AND v_training_method.code = r.d_training_method
LEFT JOIN value_codes v_base_model ON v_base_model.workspace_id = $1 AND v_base_model.code = r.d_base_model
ORDER BY "cost" DESC NULLS LAST, v_model.value ASC NULLS LAST, v_training_method.value ASC NULLS LAST, v_base_model.value ASC NULLS LAST
LIMIT 10001;
