-- metric-timed_messages (duckdb)
-- query: {"metrics":["timed_messages"],"date_range":"30d"}
-- meta: {"metrics":[{"id":"timed_messages","type":"count","unit":"messages"}],"dimensions":[],"time_bucket":null,"window":{"from":"2025-05-02T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"limit":10000,"priced":false}
-- params: [7,"2025-05-02 12:00:00.000","2025-06-01 12:00:00.000"]
SELECT COALESCE(r.p_lat_n, 0) AS "timed_messages"
FROM (SELECT CAST(count(b.latency_ms) AS DOUBLE) AS p_lat_n
  FROM (SELECT x.latency_ms AS latency_ms
    FROM messages x
    WHERE x.ws = $1 AND x.created_at >= CAST($2 AS TIMESTAMP) AND x.created_at < CAST($3 AS TIMESTAMP)) b) r
ORDER BY "timed_messages" DESC NULLS LAST
LIMIT 10001;
