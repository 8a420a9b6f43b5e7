-- metric-users (duckdb)
-- query: {"metrics":["users"],"date_range":"30d"}
-- meta: {"metrics":[{"id":"users","type":"count","unit":"users"}],"dimensions":[],"time_bucket":null,"window":{"from":"2025-05-02T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"limit":10000,"priced":false}
-- params: [7,"2025-05-02 12:00:00.000","2025-06-01 12:00:00.000"]
SELECT COALESCE(r.p_users, 0) AS "users"
FROM (SELECT CAST(count(DISTINCT b.user_id) AS DOUBLE) AS p_users
  FROM (SELECT x.user_id AS user_id
    FROM messages x
    WHERE x.ws = $1 AND x.created_at >= CAST($2 AS TIMESTAMP) AND x.created_at < CAST($3 AS TIMESTAMP)) b) r
ORDER BY "users" DESC NULLS LAST
LIMIT 10001;
