-- `q` on dossiers folds the search words (lower case, no accents), but 0003 kept the dossier code in
-- search_text as is (upper case): a search for a code with letters, e.g. `H15.50.05.13-261008-0975`,
-- never matched. Fold the code too; the trigram index is rebuilt with the column.
DROP INDEX dossiers_search;
ALTER TABLE dossiers DROP COLUMN search_text;
ALTER TABLE dossiers ADD COLUMN search_text text
    GENERATED ALWAYS AS (motcua_fold(code) || ' ' || motcua_fold(applicant_name)) STORED;
CREATE INDEX dossiers_search ON dossiers USING gin (search_text gin_trgm_ops);
