-- Vietnamese search: accent-insensitive matching ("dang ky khai sinh" finds "Đăng ký khai sinh")
-- with trigram indexes.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is only STABLE (it reads a dictionary), so it cannot back an index. This wrapper names
-- the dictionary explicitly, which makes the result depend on its input alone.
CREATE OR REPLACE FUNCTION motcua_fold(input text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, input)) $$;
