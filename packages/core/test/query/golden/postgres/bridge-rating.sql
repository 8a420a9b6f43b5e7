-- bridge-rating (postgres)
-- query: {"metrics":["messages","latency_avg"],"dimensions":["rating"],"date_range":"30d"}
-- meta: {"metrics":[{"id":"messages","type":"count","unit":"messages"},{"id":"latency_avg","type":"average","unit":"ms"}],"dimensions":["rating"],"time_bucket":null,"window":{"from":"2025-05-02T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"limit":10000,"priced":false}
-- params: ["ws-1","2025-05-02 12:00:00.000","2025-06-01 12:00:00.000"]
SELECT r.d_rating AS "rating", COALESCE(r.p_n, 0) AS "messages", r.p_lat_sum / NULLIF(r.p_lat_n, 0) AS "latency_avg"
FROM (SELECT br_evaluation.d_rating AS d_rating, CAST(count(*) AS double precision) AS p_n, CAST(count(b.latency_ms) AS double precision) AS p_lat_n, CAST(sum(b.latency_ms) AS double precision) AS p_lat_sum
  FROM (SELECT x.id AS id, x.latency_ms AS latency_ms
    FROM messages x
    WHERE x.workspace_id = $1 AND x.created_at >= CAST($2 AS TIMESTAMP) AND x.created_at < CAST($3 AS TIMESTAMP)) b
  JOIN (SELECT DISTINCT e.message_id, e.rating AS d_rating
    FROM evaluations e
    WHERE e.workspace_id = $1) br_evaluation ON br_evaluation.message_id = b.id
  GROUP BY 1) r
ORDER BY "messages" DESC NULLS LAST, r.d_rating ASC NULLS LAST
LIMIT 10001;
