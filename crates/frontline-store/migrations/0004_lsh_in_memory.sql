-- frontline event store, schema version 4.
-- Near-duplicate lookup uses an in-memory MinHash LSH index over the latest 50,000 articles,
-- rebuilt from article_sig (appended in id order) when a writer starts. The bucket rows
-- (16 per article, inserted at random places of a growing index) are no longer written.
DROP TABLE article_lsh;
