#!/bin/sh
# Gives motcua_app (10-app-role.sql) the password from MOTCUA_APP_DB_PASSWORD. psql's :'var'
# quoting keeps any character of the password literal (variables are read from stdin, not -c).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" -v password="$MOTCUA_APP_DB_PASSWORD" <<'SQL'
ALTER ROLE motcua_app PASSWORD :'password';
SQL
