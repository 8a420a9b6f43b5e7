-- metric-sla_breach_rate (duckdb)
-- query: {"metrics":["sla_breach_rate"],"date_range":"30d"}
-- meta: {"metrics":[{"id":"sla_breach_rate","type":"rate","unit":"percent"}],"dimensions":[],"time_bucket":null,"window":{"from":"2025-05-02T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"limit":10000,"priced":false}
-- params: [7,1500,"2025-05-02 12:00:00.000","2025-06-01 12:00:00.000"]
SELECT 100.0 * r.p_breach / NULLIF(r.p_lat_n, 0) AS "sla_breach_rate"
FROM (SELECT CAST(count(b.latency_ms) AS DOUBLE) AS p_lat_n, CAST(COALESCE(CAST(count_if(b.latency_ms > CAST($2 AS INTEGER)) AS BIGINT), 0) AS DOUBLE) AS p_breach
  FROM (SELECT x.latency_ms AS latency_ms
    FROM messages x
    WHERE x.ws = $1 AND x.created_at >= CAST($3 AS TIMESTAMP) AND x.created_at < CAST($4 AS TIMESTAMP)) b) r
ORDER BY "sla_breach_rate" DESC NULLS LAST
LIMIT 10001;
