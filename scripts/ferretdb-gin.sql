-- GIN indexes beside FerretDB's btree indexes, so that FerretDB v1's filters are indexed.
--
-- Why: FerretDB v1.24 (PostgreSQL backend) stores a document as one jsonb column `_jsonb` and pushes an
-- equality filter {f: v} down as `_jsonb->'f' @> 'v'` (internal/backends/postgresql/query.go), while the
-- indexes it creates for createIndexes are btree indexes on `((_jsonb->'f'))`
-- (internal/backends/postgresql/metadata/registry.go). A btree cannot serve `@>`, so every find, count,
-- update and delete scans its whole collection (1M documents: 1.2 s per read). A GIN index with
-- `jsonb_path_ops` on the same expressions serves exactly that SQL (< 1 ms at 1M documents), and also
-- {array_field: v}, which FerretDB pushes down the same way (`["a","b"] @> '"a"'` holds in PostgreSQL).
-- FerretDB never sees these indexes: it lists only the ones its metadata table names.
--
-- What this file installs, in the database FerretDB stores into (run it as a superuser: event triggers
-- need one), idempotently, before FerretDB starts or while it runs:
--   - an event trigger on CREATE INDEX that adds a GIN "companion" beside each btree FerretDB creates;
--   - an event trigger on DROP INDEX that drops the companion with its btree (dropIndexes); DROP TABLE
--     and DROP SCHEMA (drop, dropDatabase) take companions with their table by themselves;
--   - a backfill at the end: companions for btree indexes created before the trigger existed, and no
--     companion left whose btree is gone.
-- Everything lives in the schema `ferretdb_gin`, which holds no FerretDB metadata table, so FerretDB does
-- not take it for a database; `DROP SCHEMA ferretdb_gin CASCADE` uninstalls the triggers (the companion
-- indexes stay until their tables go).

CREATE SCHEMA IF NOT EXISTS ferretdb_gin;

-- The companion's name: FerretDB's names end in `_idx` and are at most 63 characters, so `…_<hash>_gin`
-- can never collide with one, and the hash of the full btree name keeps two truncated names apart.
CREATE OR REPLACE FUNCTION ferretdb_gin.companion_name(btree name) RETURNS name
LANGUAGE sql IMMUTABLE AS $$
  SELECT (left(btree, 50) || '_' || left(md5(btree), 8) || '_gin')::name
$$;

-- The GIN column for one btree key column, or NULL when the column is not FerretDB's `_jsonb -> 'f'`
-- (or `(_jsonb -> 'a') -> 'b'` for a dotted key). A dotted key becomes `_jsonb #> '{a,b}'`: that is how
-- FerretDB pushes a dotted filter down (updates and deletes always; finds with nested pushdown on).
CREATE OR REPLACE FUNCTION ferretdb_gin.gin_column(btree oid, col int) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
  expr text := pg_get_indexdef(btree, col, false);
  keys text[];
  rebuilt text;
BEGIN
  keys := ARRAY(
    SELECT replace(m[1], '''''', '''')
    FROM regexp_matches(expr, '''((?:[^'']|'''')*)''::text', 'g') AS m);
  IF cardinality(keys) = 0 THEN
    RETURN NULL;
  END IF;
  -- Accept only the exact shape FerretDB writes: rebuild it from the keys and compare.
  rebuilt := '_jsonb -> ' || quote_nullable(keys[1]) || '::text';
  FOR i IN 2..cardinality(keys) LOOP
    rebuilt := '(' || rebuilt || ') -> ' || quote_nullable(keys[i]) || '::text';
  END LOOP;
  IF expr <> '((' || rebuilt || '))' THEN
    RETURN NULL;
  END IF;
  IF cardinality(keys) = 1 THEN
    RETURN format('(_jsonb -> %L) jsonb_path_ops', keys[1]);
  END IF;
  RETURN format('(_jsonb #> %L::text[]) jsonb_path_ops', keys);
END
$$;

-- CREATE INDEX for the companion of one index, or NULL when it needs none: not a btree (our own GIN
-- indexes included, so the trigger does not recurse), not in a schema FerretDB manages (one with its
-- `_ferretdb_database_metadata` table), FerretDB's metadata table itself (read with = and IN, which the
-- btree serves), or a key that is not a `_jsonb` field (a capped collection's record id).
CREATE OR REPLACE FUNCTION ferretdb_gin.companion_ddl(btree oid) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
  ix record;
  cols text[] := '{}';
  col text;
BEGIN
  SELECT i.indrelid, i.indnkeyatts, c.relname AS index_name, t.relname AS table_name,
         n.nspname AS schema_name, a.amname
    INTO ix
    FROM pg_index i
    JOIN pg_class c ON c.oid = i.indexrelid
    JOIN pg_am a ON a.oid = c.relam
    JOIN pg_class t ON t.oid = i.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
   WHERE i.indexrelid = btree;
  IF NOT FOUND OR ix.amname <> 'btree' OR ix.table_name = '_ferretdb_database_metadata'
     OR to_regclass(format('%I._ferretdb_database_metadata', ix.schema_name)) IS NULL THEN
    RETURN NULL;
  END IF;
  FOR k IN 1..ix.indnkeyatts LOOP
    col := ferretdb_gin.gin_column(btree, k);
    IF col IS NULL THEN
      RETURN NULL;
    END IF;
    cols := cols || col;
  END LOOP;
  -- One multi-column GIN per btree: GIN serves a condition on any subset of its columns, so a compound
  -- index's companion serves {a}, {b} and {a, b} alike. fastupdate off: a read never walks a pending
  -- list that grows with recent inserts, so read times stay flat under write load.
  RETURN format('CREATE INDEX IF NOT EXISTS %I ON %I.%I USING gin (%s) WITH (fastupdate = off)',
                ferretdb_gin.companion_name(ix.index_name), ix.schema_name, ix.table_name,
                array_to_string(cols, ', '));
END
$$;

-- Adds the companion of one index when it needs one; true when it did.
CREATE OR REPLACE FUNCTION ferretdb_gin.add_companion(btree oid) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
  ddl text := ferretdb_gin.companion_ddl(btree);
  btree_name name;
  schema_name name;
BEGIN
  IF ddl IS NULL THEN
    RETURN false;
  END IF;
  SELECT c.relname, n.nspname INTO btree_name, schema_name
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = btree;
  EXECUTE ddl;
  EXECUTE format('COMMENT ON INDEX %I.%I IS %L', schema_name, ferretdb_gin.companion_name(btree_name),
                 'GIN companion of ' || btree_name || ' (scripts/ferretdb-gin.sql)');
  RETURN true;
END
$$;

CREATE OR REPLACE FUNCTION ferretdb_gin.on_create_index() RETURNS event_trigger
LANGUAGE plpgsql AS $$
DECLARE
  cmd record;
BEGIN
  FOR cmd IN SELECT objid FROM pg_event_trigger_ddl_commands() WHERE object_type = 'index' LOOP
    -- A companion is an optimisation: never let it fail FerretDB's createIndexes.
    BEGIN
      PERFORM ferretdb_gin.add_companion(cmd.objid);
    EXCEPTION WHEN OTHERS THEN
      RAISE WARNING 'ferretdb_gin: no GIN beside index %: %', cmd.objid::regclass, SQLERRM;
    END;
  END LOOP;
END
$$;

CREATE OR REPLACE FUNCTION ferretdb_gin.on_drop_index() RETURNS event_trigger
LANGUAGE plpgsql AS $$
DECLARE
  obj record;
  companion regclass;
BEGIN
  FOR obj IN SELECT schema_name, object_name FROM pg_event_trigger_dropped_objects()
              WHERE object_type = 'index' AND object_name NOT LIKE '%\_gin' LOOP
    companion := to_regclass(format('%I.%I', obj.schema_name, ferretdb_gin.companion_name(obj.object_name)));
    CONTINUE WHEN companion IS NULL;
    BEGIN
      EXECUTE format('DROP INDEX %s', companion);
    EXCEPTION WHEN OTHERS THEN
      RAISE WARNING 'ferretdb_gin: could not drop %: %', companion, SQLERRM;
    END;
  END LOOP;
END
$$;

-- Event triggers have no CREATE OR REPLACE: replace them in one transaction.
BEGIN;
DROP EVENT TRIGGER IF EXISTS ferretdb_gin_on_create_index;
CREATE EVENT TRIGGER ferretdb_gin_on_create_index ON ddl_command_end
  WHEN TAG IN ('CREATE INDEX') EXECUTE FUNCTION ferretdb_gin.on_create_index();
DROP EVENT TRIGGER IF EXISTS ferretdb_gin_on_drop_index;
CREATE EVENT TRIGGER ferretdb_gin_on_drop_index ON sql_drop
  WHEN TAG IN ('DROP INDEX') EXECUTE FUNCTION ferretdb_gin.on_drop_index();
COMMIT;

-- Backfill, idempotent (a second run finds nothing to do) and resumable (it commits each companion, so
-- an interrupted run keeps what it built and holds no lock for long). First drop companions whose btree
-- is gone (dropped while no trigger was installed), then add the missing ones.
DO $$
DECLARE
  gin record;
  ix record;
  added int := 0;
BEGIN
  FOR gin IN
    SELECT n.nspname, c.relname
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_index gi ON gi.indexrelid = c.oid
     WHERE obj_description(c.oid, 'pg_class') LIKE 'GIN companion of % (scripts/ferretdb-gin.sql)'
       AND NOT EXISTS (
         SELECT 1 FROM pg_index bi JOIN pg_class b ON b.oid = bi.indexrelid
          WHERE bi.indrelid = gi.indrelid AND ferretdb_gin.companion_name(b.relname) = c.relname)
  LOOP
    EXECUTE format('DROP INDEX %I.%I', gin.nspname, gin.relname);
    RAISE NOTICE 'ferretdb_gin: dropped orphan %.%', gin.nspname, gin.relname;
    COMMIT;
  END LOOP;
  FOR ix IN
    SELECT i.indexrelid
      FROM pg_index i
      JOIN pg_class c ON c.oid = i.indexrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_am a ON a.oid = c.relam
     WHERE a.amname = 'btree' AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
       AND to_regclass(format('%I.%I', n.nspname, ferretdb_gin.companion_name(c.relname))) IS NULL
  LOOP
    IF ferretdb_gin.add_companion(ix.indexrelid) THEN
      added := added + 1;
      COMMIT;
    END IF;
  END LOOP;
  RAISE NOTICE 'ferretdb_gin: % GIN companion(s) added by the backfill', added;
END
$$;
