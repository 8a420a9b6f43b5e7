-- metric-output_tokens (duckdb)
-- query: {"metrics":["output_tokens"],"date_range":"30d"}
-- meta: {"metrics":[{"id":"output_tokens","type":"sum","unit":"tokens"}],"dimensions":[],"time_bucket":null,"window":{"from":"2025-05-02T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"limit":10000,"priced":false}
-- params: [7,"2025-05-02 12:00:00.000","2025-06-01 12:00:00.000"]
SELECT COALESCE(COALESCE(r.p_out_tok, 0), 0) AS "output_tokens"
FROM (SELECT CAST(sum(b.output_tokens) AS DOUBLE) AS p_out_tok
  FROM (SELECT x.output_tokens AS output_tokens
    FROM messages x
    WHERE x.ws = $1 AND x.created_at >= CAST($2 AS TIMESTAMP) AND x.created_at < CAST($3 AS TIMESTAMP)) b) r
ORDER BY "output_tokens" DESC NULLS LAST
LIMIT 10001;
