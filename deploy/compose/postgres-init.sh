#!/usr/bin/env bash
# Runs once, when the PostgreSQL volume is new: a database and a role per service. Each service's role owns its
# database and can connect to no other (CONNECT revoked from PUBLIC), so no service can read another's tables.
set -euo pipefail

create() {
    local role="$1" database="$2" password="$3"
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
        -v role="$role" -v database="$database" -v password="$password" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"database" OWNER :"role";
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
SQL
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$database" -c "REVOKE ALL ON SCHEMA public FROM PUBLIC;"
}

create user_service users "$USER_SERVICE_DB_PASSWORD"
create product_service products "$PRODUCT_SERVICE_DB_PASSWORD"
create order_service orders "$ORDER_SERVICE_DB_PASSWORD"
create payment_service payments "$PAYMENT_SERVICE_DB_PASSWORD"
