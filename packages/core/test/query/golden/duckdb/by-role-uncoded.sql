-- by-role-uncoded (duckdb)
-- query: {"metrics":["messages"],"dimensions":["role"],"date_range":"30d"}
-- meta: {"metrics":[{"id":"messages","type":"count","unit":"messages"}],"dimensions":["role"],"time_bucket":null,"window":{"from":"2025-05-02T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"limit":10000,"priced":false}
-- params: [7,"2025-05-02 12:00:00.000","2025-06-01 12:00:00.000"]
SELECT r.d_role AS "role", COALESCE(r.p_n, 0) AS "messages"
FROM (SELECT b.role AS d_role, CAST(count(*) AS DOUBLE) AS p_n
  FROM (SELECT x.role AS role
    FROM messages x
    WHERE x.ws = $1 AND x.created_at >= CAST($2 AS TIMESTAMP) AND x.created_at < CAST($3 AS TIMESTAMP)) b
  GROUP BY 1) r
ORDER BY "messages" DESC NULLS LAST, r.d_role ASC NULLS LAST
LIMIT 10001;
