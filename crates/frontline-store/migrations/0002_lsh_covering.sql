-- frontline event store, schema version 2.
-- Near-duplicate lookup reads the latest article ids of an LSH bucket: a covering index
-- (bucket, article_id) answers it from the index alone (article ids grow with insertion).
CREATE INDEX article_lsh_bucket_article ON article_lsh(bucket, article_id);
DROP INDEX article_lsh_bucket;
