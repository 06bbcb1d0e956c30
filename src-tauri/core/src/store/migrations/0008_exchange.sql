-- Exchange files between laptops: this installation's signing key, the installations whose
-- files it accepts, and the versions of each record it has received from others.

-- The private half of this installation's Ed25519 key; made on first export or import.
CREATE TABLE installation_key (
    singleton  INTEGER PRIMARY KEY CHECK (singleton = 1),
    secret     BLOB NOT NULL CHECK (length(secret) = 32),
    created_at TEXT NOT NULL
) STRICT;

-- Installations whose signed files are accepted, confirmed by fingerprint out of band.
CREATE TABLE trusted_signer (
    public_key TEXT PRIMARY KEY CHECK (length(public_key) = 64),
    name       TEXT NOT NULL,
    trusted_at TEXT NOT NULL
) STRICT;

-- Version hashes of a record known from other installations' histories, so that a later
-- file can be recognised as newer than (or the same as) what is held here.
CREATE TABLE record_lineage (
    entity    TEXT NOT NULL,
    record_id TEXT NOT NULL,
    version   TEXT NOT NULL,
    PRIMARY KEY (entity, record_id, version)
) STRICT, WITHOUT ROWID;
