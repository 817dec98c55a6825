-- Run once by the postgres image (/docker-entrypoint-initdb.d) as the cluster's superuser, in the
-- MotCua database. The server connects as motcua_app: not a superuser, it owns only its own schema,
-- so a hole in the server cannot read other databases, create roles or run programs on the host.
-- The extensions need a superuser and are created here, once; the migrations then find them.
CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;

CREATE ROLE motcua_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
CREATE SCHEMA motcua AUTHORIZATION motcua_app;
ALTER ROLE motcua_app SET search_path = motcua, public;
-- Nobody else creates objects in public (the default before PostgreSQL 15).
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
