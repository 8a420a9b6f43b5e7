-- metric-input_tokens (postgres)
-- query: {"metrics":["input_tokens"],"date_range":"30d"}
-- meta: {"metrics":[{"id":"input_tokens","type":"sum","unit":"tokens"}],"dimensions":[],"time_bucket":null,"window":{"from":"2025-05-02T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"limit":10000,"priced":false}
-- params: ["ws-1","2025-05-02 12:00:00.000","2025-06-01 12:00:00.000"]
SELECT COALESCE(COALESCE(r.p_in_tok, 0), 0) AS "input_tokens"
FROM (SELECT CAST(sum(b.input_tokens) AS double precision) AS p_in_tok
  FROM (SELECT x.input_tokens AS input_tokens
    FROM messages x
    WHERE x.workspace_id = $1 AND x.created_at >= CAST($2 AS TIMESTAMP) AND x.created_at < CAST($3 AS TIMESTAMP)) b) r
ORDER BY "input_tokens" DESC NULLS LAST
LIMIT 10001;
