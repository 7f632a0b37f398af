-- frontline event store, schema version 1.
-- Articles are keyed by a content hash (whitespace-normalised text): re-ingesting the same
-- text is a no-op; the same text from another outlet/URL/id is recorded in article_copies.

CREATE TABLE articles (
    id                 INTEGER PRIMARY KEY,
    content_hash       TEXT NOT NULL UNIQUE,
    ext_id             TEXT NOT NULL,
    source             TEXT,
    url                TEXT,
    title              TEXT,
    published          TEXT,
    published_inferred INTEGER NOT NULL DEFAULT 0,
    origin             TEXT NOT NULL,
    text               TEXT NOT NULL,
    -- near-duplicate (syndicated copy): the earliest article of the same wire story
    dup_of             INTEGER REFERENCES articles(id),
    dup_similarity     REAL,
    minhash            BLOB NOT NULL,
    n_events           INTEGER NOT NULL,
    extraction         TEXT NOT NULL,      -- the output contract (ArticleOut JSON, without text)
    ingested_at        INTEGER NOT NULL    -- unix seconds
);
CREATE INDEX articles_ext_id ON articles(ext_id);
CREATE INDEX articles_dup_of ON articles(dup_of);

CREATE TABLE article_copies (
    article_id INTEGER NOT NULL REFERENCES articles(id),
    ext_id     TEXT NOT NULL,
    source     TEXT NOT NULL DEFAULT '',
    url        TEXT NOT NULL DEFAULT '',
    published  TEXT,
    origin     TEXT NOT NULL,
    UNIQUE (article_id, ext_id, source, url)
);

-- MinHash LSH buckets for near-duplicate lookup.
CREATE TABLE article_lsh (
    bucket     INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id)
);
CREATE INDEX article_lsh_bucket ON article_lsh(bucket);

CREATE TABLE claims (
    id            INTEGER PRIMARY KEY,
    article_id    INTEGER NOT NULL REFERENCES articles(id),
    claim_id      TEXT NOT NULL,
    claimant      TEXT NOT NULL,
    claimant_type TEXT NOT NULL,
    verb          TEXT NOT NULL,
    hedge         TEXT,
    text          TEXT NOT NULL,
    figures       TEXT NOT NULL,           -- JSON array of {kind, low, best, high, text, subject}
    UNIQUE (article_id, claim_id)
);

-- One row per event extracted from one article (a report of an event).
CREATE TABLE events (
    id              INTEGER PRIMARY KEY,
    article_id      INTEGER NOT NULL REFERENCES articles(id),
    idx             INTEGER NOT NULL,
    event_id        TEXT NOT NULL,
    cluster_id      INTEGER NOT NULL,       -- clusters.id
    event_date      TEXT,
    event_date_end  TEXT,
    day0            INTEGER,
    day1            INTEGER,
    time_precision  INTEGER NOT NULL,
    disorder_type   TEXT NOT NULL,
    event_type      TEXT NOT NULL,
    sub_event_type  TEXT NOT NULL,
    actor1          TEXT NOT NULL,
    assoc_actor_1   TEXT NOT NULL,
    inter1          INTEGER,
    actor2          TEXT NOT NULL,
    assoc_actor_2   TEXT NOT NULL,
    inter2          INTEGER,
    interaction     TEXT NOT NULL,
    country         TEXT NOT NULL,
    iso             INTEGER,
    admin1          TEXT NOT NULL,
    admin2          TEXT NOT NULL,
    location        TEXT NOT NULL,
    latitude        REAL,
    longitude       REAL,
    geo_precision   INTEGER NOT NULL,
    fatalities      INTEGER NOT NULL,
    fatalities_low  INTEGER,
    fatalities_high INTEGER,
    plover_event    TEXT NOT NULL,
    plover_mode     TEXT,
    cameo_root      TEXT,
    claim_ids       TEXT NOT NULL,          -- JSON array of the article's claim_ids
    evidence        TEXT NOT NULL,          -- JSON array of {field, start, end, text} (char offsets)
    confidence      REAL NOT NULL,
    match_rule      TEXT NOT NULL,          -- why this report joined (or started) its cluster
    UNIQUE (article_id, idx)
);
CREATE INDEX events_cluster ON events(cluster_id);

-- Canonical events: one per real-world event, merged from its reports.
CREATE TABLE clusters (
    id              INTEGER PRIMARY KEY,
    event_id_cnty   TEXT NOT NULL UNIQUE,
    event_date      TEXT,
    event_date_end  TEXT,
    day0            INTEGER,
    day1            INTEGER,
    year            INTEGER,
    time_precision  INTEGER NOT NULL,
    disorder_type   TEXT NOT NULL,
    event_type      TEXT NOT NULL,
    sub_event_type  TEXT NOT NULL,
    actor1          TEXT NOT NULL,
    assoc_actor_1   TEXT NOT NULL,
    inter1          INTEGER,
    actor2          TEXT NOT NULL,
    assoc_actor_2   TEXT NOT NULL,
    inter2          INTEGER,
    interaction     TEXT NOT NULL,
    civilian_targeting TEXT NOT NULL,
    iso             INTEGER,
    iso3            TEXT NOT NULL,
    region          TEXT NOT NULL,
    country         TEXT NOT NULL,
    admin1          TEXT NOT NULL,
    admin2          TEXT NOT NULL,
    location        TEXT NOT NULL,
    latitude        REAL,
    longitude       REAL,
    geo_precision   INTEGER NOT NULL,
    sources         TEXT NOT NULL,          -- "; "-separated outlets
    source_scale    TEXT NOT NULL,
    notes           TEXT NOT NULL,
    fatalities      INTEGER NOT NULL,
    fatalities_low  INTEGER,
    fatalities_high INTEGER,
    plover_event    TEXT NOT NULL,
    plover_mode     TEXT,
    cameo_root      TEXT,
    n_reports       INTEGER NOT NULL,
    n_articles      INTEGER NOT NULL,
    n_sources       INTEGER NOT NULL,
    n_independent   INTEGER NOT NULL,
    first_reported  TEXT,
    last_reported   TEXT,
    rules           TEXT NOT NULL,          -- JSON {field: rule}
    claims          TEXT NOT NULL,          -- JSON per-claimant figures
    confidence      REAL NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX clusters_day ON clusters(day0);
CREATE INDEX clusters_country ON clusters(country);

-- Spatio-temporal index of clusters: the union of their reports' match boxes
-- (days, latitude, longitude). Events without coordinates use latitude/longitude 1000.
CREATE VIRTUAL TABLE cluster_rt USING rtree(id, d0, d1, lat0, lat1, lon0, lon1);

-- event_id_cnty numbering: ISO3 + a per-country sequence, in order of cluster creation.
CREATE TABLE country_seq (
    iso3 TEXT PRIMARY KEY,
    next INTEGER NOT NULL
);
