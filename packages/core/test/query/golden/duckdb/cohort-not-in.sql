-- cohort-not-in (duckdb)
-- query: {"metrics":["users"],"filters":["not_in","cohort",["c-1"]],"date_range":"7d"}
-- meta: {"metrics":[{"id":"users","type":"count","unit":"users"}],"dimensions":[],"time_bucket":null,"window":{"from":"2025-05-25T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"limit":10000,"priced":false}
-- params: [7,"c-1","ws-1","2025-05-25 12:00:00.000","2025-06-01 12:00:00.000"]
SELECT COALESCE(r.p_users, 0) AS "users"
FROM (SELECT CAST(count(DISTINCT b.user_id) AS DOUBLE) AS p_users
  FROM (SELECT x.user_id AS user_id
    FROM messages x
    WHERE x.ws = $1 AND x.created_at >= CAST($4 AS TIMESTAMP) AND x.created_at < CAST($5 AS TIMESTAMP)) b
  WHERE (b.user_id IS NULL OR b.user_id NOT IN (SELECT ms.user_id
      FROM analytics_cohort_members ms
      WHERE ms.workspace_id = $3 AND ms.cohort_id IN (CAST($2 AS VARCHAR))))) r
ORDER BY "users" DESC NULLS LAST
LIMIT 10001;
