-- metric-total_tokens (postgres)
-- query: {"metrics":["total_tokens"],"date_range":"30d"}
-- meta: {"metrics":[{"id":"total_tokens","type":"sum","unit":"tokens"}],"dimensions":[],"time_bucket":null,"window":{"from":"2025-05-02T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"limit":10000,"priced":false}
-- params: ["ws-1","2025-05-02 12:00:00.000","2025-06-01 12:00:00.000"]
SELECT COALESCE(COALESCE(r.p_in_tok, 0) + COALESCE(r.p_out_tok, 0), 0) AS "total_tokens"
FROM (SELECT CAST(sum(b.input_tokens) AS double precision) AS p_in_tok, CAST(sum(b.output_tokens) AS double precision) AS p_out_tok
  FROM (SELECT x.input_tokens AS input_tokens, x.output_tokens AS output_tokens
    FROM messages x
    WHERE x.workspace_id = $1 AND x.created_at >= CAST($2 AS TIMESTAMP) AND x.created_at < CAST($3 AS TIMESTAMP)) b) r
ORDER BY "total_tokens" DESC NULLS LAST
LIMIT 10001;
