-- evaluations-by-rating (duckdb)
-- query: {"metrics":["evaluations"],"dimensions":["rating"],"date_range":"30d"}
-- meta: {"metrics":[{"id":"evaluations","type":"count","unit":"evaluations"}],"dimensions":["rating"],"time_bucket":null,"window":{"from":"2025-05-02T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"limit":10000,"priced":false}
-- params: [7,"2025-05-02 12:00:00.000","2025-06-01 12:00:00.000"]
SELECT r.d_rating AS "rating", COALESCE(r.p_ev_n, 0) AS "evaluations"
FROM (SELECT e.rating AS d_rating, CAST(count(*) AS DOUBLE) AS p_ev_n
  FROM (SELECT x.message_id, x.evaluator_id, x.rating, x.success, x.failure_tags, x.message_id AS id
    FROM evaluations x
    WHERE x.ws = $1 AND x.m_created_at >= CAST($2 AS TIMESTAMP) AND x.m_created_at < CAST($3 AS TIMESTAMP) AND x.m_created_at IS NOT NULL) e
  GROUP BY 1) r
ORDER BY "evaluations" DESC NULLS LAST, r.d_rating ASC NULLS LAST
LIMIT 10001;
