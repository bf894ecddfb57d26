#!/bin/sh
# Runs once, when the compose PostgreSQL starts on an empty volume: one database and one login role
# per owner (the three services and Keycloak), each password from the environment, and nobody but
# the owner may connect to a database.
set -eu
for owner in submission scoring catalogue keycloak; do
  var=$(echo "$owner" | tr '[:lower:]' '[:upper:]')_DB_PASSWORD
  password=$(printenv "$var") || { echo "postgres-init.sh: $var is not set" >&2; exit 1; }
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       --set=owner="$owner" --set=password="$password" <<'SQL'
CREATE ROLE :"owner" LOGIN PASSWORD :'password';
CREATE DATABASE :"owner" OWNER :"owner";
REVOKE ALL ON DATABASE :"owner" FROM PUBLIC;
SQL
done
