-- by-model-provider (postgres)
-- query: {"metrics":["messages","input_tokens"],"dimensions":["model","provider"],"date_range":"30d"}
-- meta: {"metrics":[{"id":"messages","type":"count","unit":"messages"},{"id":"input_tokens","type":"sum","unit":"tokens"}],"dimensions":["model","provider"],"time_bucket":null,"window":{"from":"2025-05-02T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"limit":10000,"priced":false}
-- params: ["ws-1","2025-05-02 12:00:00.000","2025-06-01 12:00:00.000"]
SELECT v_model.value AS "model", v_provider.value AS "provider", COALESCE(r.p_n, 0) AS "messages", COALESCE(COALESCE(r.p_in_tok, 0), 0) AS "input_tokens"
FROM (SELECT b.model_code AS d_model, b.provider_code AS d_provider, CAST(count(*) AS double precision) AS p_n, CAST(sum(b.input_tokens) AS double precision) AS p_in_tok
  FROM (SELECT x.input_tokens AS input_tokens, x.model_code AS model_code, x.provider_code AS provider_code
    FROM messages x
    WHERE x.workspace_id = $1 AND x.created_at >= CAST($2 AS TIMESTAMP) AND x.created_at < CAST($3 AS TIMESTAMP)) b
  GROUP BY 1, 2) r
LEFT JOIN value_codes v_model ON v_model.workspace_id = $1 AND v_model.code = r.d_model
LEFT JOIN value_codes v_provider ON v_provider.workspace_id = $1 AND v_provider.code = r.d_provider
ORDER BY "messages" DESC NULLS LAST, v_model.value ASC NULLS LAST, v_provider.value ASC NULLS LAST
LIMIT 10001;
