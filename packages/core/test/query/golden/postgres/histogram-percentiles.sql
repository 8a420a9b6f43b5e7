-- histogram-percentiles (postgres)
-- query: {"metrics":["latency_p50","latency_p90","latency_p95","latency_p99","messages"],"date_range":"30d"}
-- meta: {"metrics":[{"id":"latency_p50","type":"percentile","unit":"ms"},{"id":"latency_p90","type":"percentile","unit":"ms"},{"id":"latency_p95","type":"percentile","unit":"ms"},{"id":"latency_p99","type":"percentile","unit":"ms"},{"id":"messages","type":"count","unit":"messages"}],"dimensions":[],"time_bucket":null,"window":{"from":"2025-05-02T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"limit":10000,"priced":false}
-- params: ["ws-1","2025-05-02 12:00:00.000","2025-06-01 12:00:00.000"]
SELECT r.p_lat_p50 AS "latency_p50", r.p_lat_p90 AS "latency_p90", r.p_lat_p95 AS "latency_p95", r.p_lat_p99 AS "latency_p99", COALESCE(r.p_n, 0) AS "messages"
FROM (SELECT max(p_n) AS p_n, max(p_lat_p50) AS p_lat_p50, max(p_lat_p90) AS p_lat_p90, max(p_lat_p95) AS p_lat_p95, max(p_lat_p99) AS p_lat_p99
  FROM (SELECT CAST(count(*) AS double precision) AS p_n, CAST(NULL AS double precision) AS p_lat_p50, CAST(NULL AS double precision) AS p_lat_p90, CAST(NULL AS double precision) AS p_lat_p95, CAST(NULL AS double precision) AS p_lat_p99
    FROM (SELECT 1 AS one
      FROM messages x
      WHERE x.workspace_id = $1 AND x.created_at >= CAST($2 AS TIMESTAMP) AND x.created_at < CAST($3 AS TIMESTAMP)) b
    UNION ALL
    SELECT CAST(NULL AS double precision) AS p_n, CAST(min(w.v) FILTER (WHERE w.cum > floor((w.n - 1) * 0.5)) + ((max(w.n) - 1) * 0.5 - floor((max(w.n) - 1) * 0.5)) * (min(w.v) FILTER (WHERE w.cum > ceil((w.n - 1) * 0.5)) - min(w.v) FILTER (WHERE w.cum > floor((w.n - 1) * 0.5))) AS double precision) AS p_lat_p50, CAST(min(w.v) FILTER (WHERE w.cum > floor((w.n - 1) * 0.9)) + ((max(w.n) - 1) * 0.9 - floor((max(w.n) - 1) * 0.9)) * (min(w.v) FILTER (WHERE w.cum > ceil((w.n - 1) * 0.9)) - min(w.v) FILTER (WHERE w.cum > floor((w.n - 1) * 0.9))) AS double precision) AS p_lat_p90, CAST(min(w.v) FILTER (WHERE w.cum > floor((w.n - 1) * 0.95)) + ((max(w.n) - 1) * 0.95 - floor((max(w.n) - 1) * 0.95)) * (min(w.v) FILTER (WHERE w.cum > ceil((w.n - 1) * 0.95)) - min(w.v) FILTER (WHERE w.cum > floor((w.n - 1) * 0.95))) AS double precision) AS p_lat_p95, CAST(min(w.v) FILTER (WHERE w.cum > floor((w.n - 1) * 0.99)) + ((max(w.n) - 1) * 0.99 - floor((max(w.n) - 1) * 0.99)) * (min(w.v) FILTER (WHERE w.cum > ceil((w.n - 1) * 0.99)) - min(w.v) FILTER (WHERE w.cum > floor((w.n - 1) * 0.99))) AS double precision) AS p_lat_p99
    FROM (SELECT h.*, sum(h.c) OVER (ORDER BY h.v ROWS UNBOUNDED PRECEDING) AS cum, sum(h.c) OVER () AS n
      FROM (SELECT b.latency_ms AS v, count(*) AS c
        FROM (SELECT x.latency_ms AS latency_ms
          FROM messages x
          WHERE x.workspace_id = $1 AND x.created_at >= CAST($2 AS TIMESTAMP) AND x.created_at < CAST($3 AS TIMESTAMP)) b
        WHERE b.latency_ms IS NOT NULL
        GROUP BY 1) h) w) u) r
ORDER BY "latency_p50" DESC NULLS LAST
LIMIT 10001;
