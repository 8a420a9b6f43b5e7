-- bridge-failure-tag-filtered (duckdb)
-- query: {"metrics":["messages"],"dimensions":["failure_tag"],"date_range":"30d","filters":["and",[["eq","success",false],["eq","model","gpt-4o"]]]}
-- meta: {"metrics":[{"id":"messages","type":"count","unit":"messages"}],"dimensions":["failure_tag"],"time_bucket":null,"window":{"from":"2025-05-02T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"limit":10000,"priced":false}
-- params: [7,"gpt-4o",false,"2025-05-02 12:00:00.000","2025-06-01 12:00:00.000"]
SELECT r.d_failure_tag AS "failure_tag", COALESCE(r.p_n, 0) AS "messages"
FROM (SELECT br_evaluation.d_failure_tag AS d_failure_tag, CAST(count(*) AS DOUBLE) AS p_n
  FROM (SELECT x.id AS id, x.model_id AS model_id
    FROM messages x
    WHERE x.ws = $1 AND x.created_at >= CAST($4 AS TIMESTAMP) AND x.created_at < CAST($5 AS TIMESTAMP)) b
  JOIN (SELECT DISTINCT e.message_id, e.tag AS d_failure_tag
    FROM (SELECT x.*, unnest(x.failure_tags) AS tag
      FROM evaluations x
      WHERE x.ws = $1) e
    WHERE e.ws = $1 AND e.success = CAST($3 AS BOOLEAN)) br_evaluation ON br_evaluation.message_id = b.id
  WHERE b.model_id = CAST($2 AS VARCHAR)
  GROUP BY 1) r
ORDER BY "messages" DESC NULLS LAST, r.d_failure_tag ASC NULLS LAST
LIMIT 10001;
