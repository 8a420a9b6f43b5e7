-- filters-ranges (duckdb)
-- query: {"metrics":["messages"],"date_range":"30d","filters":["and",[["gte","time","2025-05-10T00:00:00Z"],["lte","time","2025-05-20T00:00:00Z"],["gte","rating",3],["contains","user","bob"]]]}
-- meta: {"metrics":[{"id":"messages","type":"count","unit":"messages"}],"dimensions":[],"time_bucket":null,"window":{"from":"2025-05-02T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"limit":10000,"priced":false}
-- params: [7,"2025-05-10 00:00:00.000","2025-05-20 00:00:00.000","bob",3,"2025-05-02 12:00:00.000","2025-06-01 12:00:00.000"]
SELECT COALESCE(r.p_n, 0) AS "messages"
FROM (SELECT CAST(count(*) AS DOUBLE) AS p_n
  FROM (SELECT x.created_at AS created_at, x.id AS id, x.user_id AS user_id
    FROM messages x
    WHERE x.ws = $1 AND x.created_at >= CAST($6 AS TIMESTAMP) AND x.created_at < CAST($7 AS TIMESTAMP)) b
  WHERE b.created_at >= CAST($2 AS TIMESTAMP) AND b.created_at <= CAST($3 AS TIMESTAMP) AND strpos(lower(b.user_id), lower(CAST($4 AS VARCHAR))) > 0 AND b.id IN (SELECT e.message_id
    FROM evaluations e
    WHERE e.ws = $1 AND e.rating >= CAST($5 AS DOUBLE))) r
ORDER BY "messages" DESC NULLS LAST
LIMIT 10001;
