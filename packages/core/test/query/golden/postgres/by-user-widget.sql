-- by-user-widget (postgres)
-- query: {"metrics":["users","messages"],"dimensions":["user","widget"],"date_range":"30d"}
-- meta: {"metrics":[{"id":"users","type":"count","unit":"users"},{"id":"messages","type":"count","unit":"messages"}],"dimensions":["user","widget"],"time_bucket":null,"window":{"from":"2025-05-02T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"limit":10000,"priced":false}
-- params: ["ws-1","2025-05-02 12:00:00.000","2025-06-01 12:00:00.000"]
SELECT r.d_user AS "user", r.d_widget AS "widget", COALESCE(r.p_users, 0) AS "users", COALESCE(r.p_n, 0) AS "messages"
FROM (SELECT b.user_id AS d_user, b.is_widget_session AS d_widget, CAST(count(*) AS double precision) AS p_n, CAST(count(DISTINCT b.user_id) AS double precision) AS p_users
  FROM (SELECT x.is_widget_session AS is_widget_session, x.user_id AS user_id
    FROM messages x
    WHERE x.workspace_id = $1 AND x.created_at >= CAST($2 AS TIMESTAMP) AND x.created_at < CAST($3 AS TIMESTAMP)) b
  GROUP BY 1, 2) r
ORDER BY "users" DESC NULLS LAST, r.d_user ASC NULLS LAST, r.d_widget ASC NULLS LAST
LIMIT 10001;
