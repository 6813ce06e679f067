-- A search for "cafe" found no request about a "Café", nor "creme" a "crème brûlée" stall: the English text
-- search configuration keeps accents, so the words differ. english_unaccent is English with accents taken off
-- every word that has letters outside ASCII (PostgreSQL's documented recipe, with its contrib unaccent
-- dictionary, a trusted extension any database owner may create), before stemming. Requests' search words are
-- worked out again with it, and searches parse their words with it (search.server.ts, SEARCH_CONFIGURATION).
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TEXT SEARCH CONFIGURATION english_unaccent (COPY = english);
ALTER TEXT SEARCH CONFIGURATION english_unaccent
  ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;

-- a generated column's expression cannot be changed before PostgreSQL 17: it is made again (its index with it)
ALTER TABLE "Request" DROP COLUMN "searchVector";
ALTER TABLE "Request" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english_unaccent', coalesce("title", '')), 'A') ||
    setweight(to_tsvector('english_unaccent', coalesce("description", '')), 'B') ||
    setweight(to_tsvector('english_unaccent', coalesce("beneficiaries", '')), 'C')
) STORED;

CREATE INDEX "Request_open_searchVector_idx" ON "Request" USING GIN ("searchVector")
  WHERE "status" IN ('OPEN', 'PARTIALLY_PLEDGED');
