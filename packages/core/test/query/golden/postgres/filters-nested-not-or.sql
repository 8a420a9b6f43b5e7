-- filters-nested-not-or (postgres)
-- query: {"metrics":["messages","evaluations"],"date_range":"30d","filters":["or",[["not",["in","provider",["openai","anthropic"]]],["and",[["contains","failure_tag","halluc"],["neq","error_type","timeout"]]],["eq","tool","search"]]]}
-- meta: {"metrics":[{"id":"messages","type":"count","unit":"messages"},{"id":"evaluations","type":"count","unit":"evaluations"}],"dimensions":[],"time_bucket":null,"window":{"from":"2025-05-02T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"limit":10000,"priced":false}
-- params: ["ws-1","openai","anthropic","halluc","timeout","search","2025-05-02 12:00:00.000","2025-06-01 12:00:00.000","openai","anthropic","halluc","timeout","search"]
SELECT COALESCE(r.p_n, 0) AS "messages", COALESCE(r.p_ev_n, 0) AS "evaluations"
FROM (SELECT max(p_n) AS p_n, max(p_ev_n) AS p_ev_n
  FROM (SELECT CAST(count(*) AS double precision) AS p_n, CAST(NULL AS double precision) AS p_ev_n
    FROM (SELECT x.error_type AS error_type, x.id AS id, x.provider AS provider
      FROM messages x
      WHERE x.workspace_id = $1 AND x.created_at >= CAST($7 AS TIMESTAMP) AND x.created_at < CAST($8 AS TIMESTAMP)) b
    WHERE ((b.provider IS NULL OR b.provider NOT IN (CAST($2 AS VARCHAR), CAST($3 AS VARCHAR))) OR (b.id IN (SELECT e.message_id
          FROM evaluations e
          WHERE e.workspace_id = $1 AND COALESCE(EXISTS (SELECT 1
              FROM unnest(e.failure_tags) AS tags(tag)
              WHERE strpos(lower(tags.tag), lower(CAST($4 AS VARCHAR))) > 0), FALSE)) AND (b.error_type IS NULL OR b.error_type <> CAST($5 AS VARCHAR))) OR b.id IN (SELECT t.message_id
        FROM tool_calls t
        WHERE t.workspace_id = $1 AND t.name = CAST($6 AS VARCHAR)))
    UNION ALL
    SELECT CAST(NULL AS double precision) AS p_n, CAST(count(*) AS double precision) AS p_ev_n
    FROM (SELECT x.message_id, x.evaluator_id, x.rating, x.success, x.failure_tags, x.m_error_type AS error_type, x.message_id AS id, x.m_provider AS provider
      FROM evaluations x
      WHERE x.workspace_id = $1 AND x.m_created_at >= CAST($7 AS TIMESTAMP) AND x.m_created_at < CAST($8 AS TIMESTAMP) AND x.m_created_at IS NOT NULL) e
    WHERE ((e.provider IS NULL OR e.provider NOT IN (CAST($9 AS VARCHAR), CAST($10 AS VARCHAR))) OR (COALESCE(EXISTS (SELECT 1
            FROM unnest(e.failure_tags) AS tags(tag)
            WHERE strpos(lower(tags.tag), lower(CAST($11 AS VARCHAR))) > 0), FALSE) AND (e.error_type IS NULL OR e.error_type <> CAST($12 AS VARCHAR))) OR e.message_id IN (SELECT t.message_id
        FROM tool_calls t
        WHERE t.workspace_id = $1 AND t.name = CAST($13 AS VARCHAR)))) u) r
ORDER BY "messages" DESC NULLS LAST
LIMIT 10001;
