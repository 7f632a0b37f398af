-- frontline event store, schema version 3.
-- Near-duplicate candidates need only an article's MinHash signature and the root of its
-- story: a narrow table, so that the lookup does not read the article row (text and
-- extraction JSON, often on overflow pages). Rows never change once written.
CREATE TABLE article_sig (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id),
    minhash    BLOB NOT NULL,
    root       INTEGER NOT NULL      -- coalesce(dup_of, id) of the article
);
INSERT INTO article_sig (article_id, minhash, root) SELECT id, minhash, coalesce(dup_of, id) FROM articles;
