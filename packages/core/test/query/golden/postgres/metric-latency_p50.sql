-- metric-latency_p50 (postgres)
-- query: {"metrics":["latency_p50"],"date_range":"30d"}
-- meta: {"metrics":[{"id":"latency_p50","type":"percentile","unit":"ms"}],"dimensions":[],"time_bucket":null,"window":{"from":"2025-05-02T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"limit":10000,"priced":false}
-- params: ["ws-1","2025-05-02 12:00:00.000","2025-06-01 12:00:00.000"]
SELECT r.p_lat_p50 AS "latency_p50"
FROM (SELECT CAST(min(w.v) FILTER (WHERE w.cum > floor((w.n - 1) * 0.5)) + ((max(w.n) - 1) * 0.5 - floor((max(w.n) - 1) * 0.5)) * (min(w.v) FILTER (WHERE w.cum > ceil((w.n - 1) * 0.5)) - min(w.v) FILTER (WHERE w.cum > floor((w.n - 1) * 0.5))) AS double precision) AS p_lat_p50
  FROM (SELECT h.*, sum(h.c) OVER (ORDER BY h.v ROWS UNBOUNDED PRECEDING) AS cum, sum(h.c) OVER () AS n
    FROM (SELECT b.latency_ms AS v, count(*) AS c
      FROM (SELECT x.latency_ms AS latency_ms
        FROM messages x
        WHERE x.workspace_id = $1 AND x.created_at >= CAST($2 AS TIMESTAMP) AND x.created_at < CAST($3 AS TIMESTAMP)) b
      WHERE b.latency_ms IS NOT NULL
      GROUP BY 1) h) w) r
ORDER BY "latency_p50" DESC NULLS LAST
LIMIT 10001;
