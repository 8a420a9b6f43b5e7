-- priced-spread-by-tool (duckdb)
-- query: {"metrics":["cost","tool_calls"],"dimensions":["tool"],"date_range":"30d"}
-- meta: {"metrics":[{"id":"cost","type":"sum","unit":"usd"},{"id":"tool_calls","type":"count","unit":"tool_calls"}],"dimensions":["tool"],"time_bucket":null,"window":{"from":"2025-05-02T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"limit":10000,"priced":true}
-- params: [7,"ws-1","my-ft",0.0001,0.0002,"openai",0.005,0.015,"anthropic","claude",0.003,0.015,0.001,0.002,"2025-05-02 12:00:00.000","2025-06-01 12:00:00.000","my-ft",0.0001,0.0002,"openai",0.005,0.015,"anthropic","claude",0.003,0.015,0.001,0.002]
SELECT r.d_tool AS "tool", COALESCE(COALESCE(r.p_cost, 0), 0) AS "cost", COALESCE(r.p_tc_n, 0) AS "tool_calls", CAST((SELECT count(*)
    FROM (SELECT DISTINCT b.id, b.model_id AS pm, b.provider AS pp
      FROM (SELECT x.id AS id, x.input_tokens AS input_tokens, x.model_id AS model_id, x.output_tokens AS output_tokens, x.provider AS provider
        FROM messages x
        WHERE x.ws = $1 AND x.created_at >= CAST($15 AS TIMESTAMP) AND x.created_at < CAST($16 AS TIMESTAMP)) b
      JOIN (SELECT DISTINCT t.message_id, t.name AS d_tool
        FROM tool_calls t
        WHERE t.ws = $1) br_tool ON br_tool.message_id = b.id
      WHERE (b.input_tokens > 0 OR b.output_tokens > 0)) g
    LEFT JOIN (VALUES (CAST($17 AS VARCHAR), CAST($18 AS DOUBLE), CAST($19 AS DOUBLE))) AS pmo(model_id, i, o) ON pmo.model_id = g.pm
    LEFT JOIN (VALUES (CAST($20 AS VARCHAR), CAST($21 AS DOUBLE), CAST($22 AS DOUBLE))) AS ppo(provider, i, o) ON ppo.provider = lower(g.pp)
    LEFT JOIN (VALUES (CAST($23 AS VARCHAR), CAST($24 AS VARCHAR), CAST($25 AS DOUBLE), CAST($26 AS DOUBLE))) AS pc(provider, model_id, i, o) ON pc.model_id = g.pm AND pc.provider IS NOT DISTINCT FROM g.pp
    WHERE COALESCE(COALESCE(pmo.i, ppo.i, pc.i, CAST($27 AS DOUBLE)), COALESCE(pmo.o, ppo.o, pc.o, CAST($28 AS DOUBLE))) IS NULL) AS DOUBLE) AS "__unpriced"
FROM (SELECT d_tool, max(p_in_tok) AS p_in_tok, max(p_out_tok) AS p_out_tok, max(p_tok_msgs) AS p_tok_msgs, max(p_cost) AS p_cost, max(p_unpriced) AS p_unpriced, max(p_tc_n) AS p_tc_n
  FROM (SELECT g.d_tool, CAST(sum(g.in_tok) AS DOUBLE) AS p_in_tok, CAST(sum(g.out_tok) AS DOUBLE) AS p_out_tok, CAST(sum(g.tok_msgs) AS DOUBLE) AS p_tok_msgs, CAST(sum(COALESCE(g.in_tok, 0) / 1000.0 * COALESCE(COALESCE(pmo.i, ppo.i, pc.i, CAST($13 AS DOUBLE)), 0) + COALESCE(g.out_tok, 0) / 1000.0 * COALESCE(COALESCE(pmo.o, ppo.o, pc.o, CAST($14 AS DOUBLE)), 0)) AS DOUBLE) AS p_cost, CAST(sum(CASE WHEN COALESCE(COALESCE(pmo.i, ppo.i, pc.i, CAST($13 AS DOUBLE)), COALESCE(pmo.o, ppo.o, pc.o, CAST($14 AS DOUBLE))) IS NULL THEN g.tok_msgs ELSE 0 END) AS DOUBLE) AS p_unpriced, CAST(NULL AS DOUBLE) AS p_tc_n
    FROM (SELECT g0.*, vm.value AS pm, vp.value AS pp
      FROM (SELECT br_tool.d_tool AS d_tool, b.model_code AS pmc, b.provider_code AS ppc, sum(b.input_tokens) AS in_tok, sum(b.output_tokens) AS out_tok, COALESCE(CAST(count_if(b.input_tokens > 0 OR b.output_tokens > 0) AS BIGINT), 0) AS tok_msgs
        FROM (SELECT x.id AS id, x.input_tokens AS input_tokens, x.model_code AS model_code, x.output_tokens AS output_tokens, x.provider_code AS provider_code
          FROM messages x
          WHERE x.ws = $1 AND x.created_at >= CAST($15 AS TIMESTAMP) AND x.created_at < CAST($16 AS TIMESTAMP)) b
        JOIN (SELECT DISTINCT t.message_id, t.name AS d_tool
          FROM tool_calls t
          WHERE t.ws = $1) br_tool ON br_tool.message_id = b.id
        GROUP BY 1, 2, 3) g0
      LEFT JOIN value_codes vm ON vm.workspace_id = $2 AND vm.code = g0.pmc
      LEFT JOIN value_codes vp ON vp.workspace_id = $2 AND vp.code = g0.ppc) g
    LEFT JOIN (VALUES (CAST($3 AS VARCHAR), CAST($4 AS DOUBLE), CAST($5 AS DOUBLE))) AS pmo(model_id, i, o) ON pmo.model_id = g.pm
    LEFT JOIN (VALUES (CAST($6 AS VARCHAR), CAST($7 AS DOUBLE), CAST($8 AS DOUBLE))) AS ppo(provider, i, o) ON ppo.provider = lower(g.pp)
    LEFT JOIN (VALUES (CAST($9 AS VARCHAR), CAST($10 AS VARCHAR), CAST($11 AS DOUBLE), CAST($12 AS DOUBLE))) AS pc(provider, model_id, i, o) ON pc.model_id = g.pm AND pc.provider IS NOT DISTINCT FROM g.pp
    GROUP BY 1
    UNION ALL
    SELECT t.name AS d_tool, CAST(NULL AS DOUBLE) AS p_in_tok, CAST(NULL AS DOUBLE) AS p_out_tok, CAST(NULL AS DOUBLE) AS p_tok_msgs, CAST(NULL AS DOUBLE) AS p_cost, CAST(NULL AS DOUBLE) AS p_unpriced, CAST(count(*) AS DOUBLE) AS p_tc_n
    FROM (SELECT x.message_id, x.name, x.success, x.duration_ms, x.message_id AS id
      FROM tool_calls x
      WHERE x.ws = $1 AND x.m_created_at >= CAST($15 AS TIMESTAMP) AND x.m_created_at < CAST($16 AS TIMESTAMP) AND x.m_created_at IS NOT NULL) t
    GROUP BY 1) u
  GROUP BY 1) r
ORDER BY "cost" DESC NULLS LAST, r.d_tool ASC NULLS LAST
LIMIT 10001;
