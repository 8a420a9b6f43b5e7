-- evaluations-by-failure-tag (duckdb)
-- query: {"metrics":["evaluations"],"dimensions":["failure_tag"],"date_range":"30d","order_by":[["evaluations","desc"]],"limit":20}
-- meta: {"metrics":[{"id":"evaluations","type":"count","unit":"evaluations"}],"dimensions":["failure_tag"],"time_bucket":null,"window":{"from":"2025-05-02T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"limit":20,"priced":false}
-- params: [7,"2025-05-02 12:00:00.000","2025-06-01 12:00:00.000"]
SELECT r.d_failure_tag AS "failure_tag", COALESCE(r.p_ev_n, 0) AS "evaluations"
FROM (SELECT e.tag AS d_failure_tag, CAST(count(*) AS DOUBLE) AS p_ev_n
  FROM (SELECT x.message_id, x.evaluator_id, x.rating, x.success, x.failure_tags, x.message_id AS id, unnest(x.failure_tags) AS tag
    FROM evaluations x
    WHERE x.ws = $1 AND x.m_created_at >= CAST($2 AS TIMESTAMP) AND x.m_created_at < CAST($3 AS TIMESTAMP) AND x.m_created_at IS NOT NULL) e
  GROUP BY 1) r
ORDER BY "evaluations" DESC NULLS LAST, r.d_failure_tag ASC NULLS LAST
LIMIT 21;
