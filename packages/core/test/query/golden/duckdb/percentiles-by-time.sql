-- percentiles-by-time (duckdb)
-- query: {"metrics":["latency_p50","latency_p99"],"dimensions":["time"],"date_range":"30d"}
-- meta: {"metrics":[{"id":"latency_p50","type":"percentile","unit":"ms"},{"id":"latency_p99","type":"percentile","unit":"ms"}],"dimensions":["time"],"time_bucket":"day","window":{"from":"2025-05-02T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"limit":10000,"priced":false}
-- params: [7,"2025-05-02 12:00:00.000","2025-06-01 12:00:00.000"]
SELECT strftime(r.d_time, '%Y-%m-%dT%H:%M:%SZ') AS "time", r.p_lat_p50 AS "latency_p50", r.p_lat_p99 AS "latency_p99"
FROM (SELECT CAST(b.created_at AS DATE) AS d_time, CAST((quantile_cont(b.latency_ms, [0.5, 0.9, 0.95, 0.99]))[1] AS DOUBLE) AS p_lat_p50, CAST((quantile_cont(b.latency_ms, [0.5, 0.9, 0.95, 0.99]))[4] AS DOUBLE) AS p_lat_p99
  FROM (SELECT x.created_at AS created_at, x.latency_ms AS latency_ms
    FROM messages x
    WHERE x.ws = $1 AND x.created_at >= CAST($2 AS TIMESTAMP) AND x.created_at < CAST($3 AS TIMESTAMP)) b
  GROUP BY 1) r
ORDER BY r.d_time ASC NULLS LAST, "latency_p50" DESC NULLS LAST
LIMIT 10001;
