-- frontline event store, schema version 5.
-- Bridged clusters: when a report is compatible with several canonical events that are
-- compatible with each other, they merge into the oldest (lowest id). The retired cluster's
-- event_id_cnty stays resolvable here: lookups and exports map it to the surviving event.
CREATE TABLE cluster_aliases (
    cluster_id    INTEGER PRIMARY KEY,      -- the retired clusters.id
    event_id_cnty TEXT NOT NULL UNIQUE,     -- its event_id_cnty (never reused)
    merged_into   INTEGER NOT NULL,         -- the surviving clusters.id (kept current if that one merges in turn)
    report_id     INTEGER NOT NULL,         -- the report (events.id) that bridged them
    rule          TEXT NOT NULL,            -- why they were merged
    merged_at     INTEGER NOT NULL          -- unix seconds
);
CREATE INDEX cluster_aliases_into ON cluster_aliases(merged_into);
