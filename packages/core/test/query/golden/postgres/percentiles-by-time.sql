-- percentiles-by-time (postgres)
-- query: {"metrics":["latency_p50","latency_p99"],"dimensions":["time"],"date_range":"30d"}
-- meta: {"metrics":[{"id":"latency_p50","type":"percentile","unit":"ms"},{"id":"latency_p99","type":"percentile","unit":"ms"}],"dimensions":["time"],"time_bucket":"day","window":{"from":"2025-05-02T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"limit":10000,"priced":false}
-- params: ["ws-1","2025-05-02 12:00:00.000","2025-06-01 12:00:00.000"]
SELECT to_char(r.d_time, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "time", r.p_lat_p50 AS "latency_p50", r.p_lat_p99 AS "latency_p99"
FROM (SELECT date_trunc('day', b.created_at) AS d_time, CAST((percentile_cont(ARRAY[0.5, 0.9, 0.95, 0.99]::double precision[]) WITHIN GROUP (ORDER BY b.latency_ms))[1] AS double precision) AS p_lat_p50, CAST((percentile_cont(ARRAY[0.5, 0.9, 0.95, 0.99]::double precision[]) WITHIN GROUP (ORDER BY b.latency_ms))[4] AS double precision) AS p_lat_p99
  FROM (SELECT x.created_at AS created_at, x.latency_ms AS latency_ms
    FROM messages x
    WHERE x.workspace_id = $1 AND x.created_at >= CAST($2 AS TIMESTAMP) AND x.created_at < CAST($3 AS TIMESTAMP)) b
  GROUP BY 1) r
ORDER BY r.d_time ASC NULLS LAST, "latency_p50" DESC NULLS LAST
LIMIT 10001;
