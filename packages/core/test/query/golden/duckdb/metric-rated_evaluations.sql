-- metric-rated_evaluations (duckdb)
-- query: {"metrics":["rated_evaluations"],"date_range":"30d"}
-- meta: {"metrics":[{"id":"rated_evaluations","type":"count","unit":"evaluations"}],"dimensions":[],"time_bucket":null,"window":{"from":"2025-05-02T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"limit":10000,"priced":false}
-- params: [7,"2025-05-02 12:00:00.000","2025-06-01 12:00:00.000"]
SELECT COALESCE(r.p_ev_rated, 0) AS "rated_evaluations"
FROM (SELECT CAST(count(e.rating) AS DOUBLE) AS p_ev_rated
  FROM (SELECT x.message_id, x.evaluator_id, x.rating, x.success, x.failure_tags
    FROM evaluations x
    WHERE x.ws = $1 AND x.m_created_at >= CAST($2 AS TIMESTAMP) AND x.m_created_at < CAST($3 AS TIMESTAMP) AND x.m_created_at IS NOT NULL) e) r
ORDER BY "rated_evaluations" DESC NULLS LAST
LIMIT 10001;
