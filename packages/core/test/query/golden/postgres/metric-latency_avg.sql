-- metric-latency_avg (postgres)
-- query: {"metrics":["latency_avg"],"date_range":"30d"}
-- meta: {"metrics":[{"id":"latency_avg","type":"average","unit":"ms"}],"dimensions":[],"time_bucket":null,"window":{"from":"2025-05-02T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"limit":10000,"priced":false}
-- params: ["ws-1","2025-05-02 12:00:00.000","2025-06-01 12:00:00.000"]
SELECT r.p_lat_sum / NULLIF(r.p_lat_n, 0) AS "latency_avg"
FROM (SELECT CAST(count(b.latency_ms) AS double precision) AS p_lat_n, CAST(sum(b.latency_ms) AS double precision) AS p_lat_sum
  FROM (SELECT x.latency_ms AS latency_ms
    FROM messages x
    WHERE x.workspace_id = $1 AND x.created_at >= CAST($2 AS TIMESTAMP) AND x.created_at < CAST($3 AS TIMESTAMP)) b) r
ORDER BY "latency_avg" DESC NULLS LAST
LIMIT 10001;
