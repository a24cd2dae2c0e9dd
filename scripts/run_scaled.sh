#!/usr/bin/env bash
# `make run-scaled`: the production shape on this one machine, started from the Procfile (honcho), as
# a PaaS would: PostgreSQL (the local server), Redis (cache, sessions, Celery's broker), N gunicorn
# workers, a Celery worker and Celery beat (the chores' schedule), with production settings.
# Every process is stateless: on several machines, the same commands run behind a load balancer.
#   SCALED_DATABASE_URL  postgres://postgres@127.0.0.1:5432/comptoir_scaled
#   SCALED_REDIS_URL     redis://127.0.0.1:6379/1
#   WORKERS              gunicorn workers (default: 2 per core)      PORT (default 8000)
#   SCALED_SMOKE=1       start, check every page answers (scripts/smoke_pages.py) and the checkout
#                        holds when twelve visitors want the last three pieces (scripts/checkout_race.py),
#                        stop; exits non-zero if either failed
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
PORT=${PORT:-8000}
WORKERS=${WORKERS:-$(( $(nproc) * 2 ))}
export DATABASE_URL=${SCALED_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/comptoir_scaled}
export REDIS_URL=${SCALED_REDIS_URL:-redis://127.0.0.1:6379/1}
export COMPTOIR_ENV=production DJANGO_SETTINGS_MODULE=comptoir.config.settings
export COMPTOIR_DEMO_APP=1  # production settings, filled with the demo shop (manage.py demo_shop)
export COMPTOIR_VAR_DIR=${COMPTOIR_VAR_DIR:-$PWD/var/scaled}
export ALLOWED_HOSTS=${ALLOWED_HOSTS:-127.0.0.1,localhost}
export COMPTOIR_PUBLIC_URL=${COMPTOIR_PUBLIC_URL:-http://127.0.0.1:$PORT}
export SECURE_SSL_REDIRECT=${SECURE_SSL_REDIRECT:-0}  # plain http on 127.0.0.1; TLS ends at the proxy
mkdir -p "$COMPTOIR_VAR_DIR"
if [ "${SCALED_SMOKE:-0}" = 1 ]; then
  # No mail server here: the worker writes each email in a file, which checkout_race.py reads.
  export EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend
  export EMAIL_FILE_PATH=$COMPTOIR_VAR_DIR/emails
  rm -rf "$EMAIL_FILE_PATH"
fi
# A secret of this machine's own, kept in var/ (production reads SECRET_KEY from its environment).
if [ -z "${SECRET_KEY:-}" ]; then
  [ -s "$COMPTOIR_VAR_DIR/secret_key" ] || $BIN/python -c "import secrets; print(secrets.token_urlsafe(50))" > "$COMPTOIR_VAR_DIR/secret_key"
  SECRET_KEY=$(cat "$COMPTOIR_VAR_DIR/secret_key"); export SECRET_KEY
fi

pg_isready -q -h 127.0.0.1 -p 5432 || { echo "PostgreSQL does not answer on 127.0.0.1:5432"; exit 1; }
redis-cli -u "$REDIS_URL" ping >/dev/null || { echo "Redis does not answer at $REDIS_URL"; exit 1; }
database=${DATABASE_URL##*/}
psql "${DATABASE_URL%/*}/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1 \
  || psql "${DATABASE_URL%/*}/postgres" -qc "CREATE DATABASE $database"

$BIN/python manage.py compilemessages --ignore=.venv >/dev/null
# What the platforms run: the Procfile's release command, then its web, worker and scheduler.
export PATH="$PWD/$BIN:$PATH" WEB_CONCURRENCY=$WORKERS
bash -c "$(sed -n 's/^release: //p' Procfile)"
$BIN/python manage.py demo_shop --without-images
$BIN/python manage.py collectstatic --no-input --verbosity 0

# Another server on that port would answer the smoke in our place: refuse to start instead.
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  echo "Port $PORT is already in use: stop what listens there, or choose another PORT"; exit 1
fi
$BIN/honcho -f Procfile start --port "$PORT" web worker scheduler &
honcho_pid=$!
# Stopped however this script ends (a failed check, Ctrl-C), and waited for: nothing left running.
trap 'kill $honcho_pid 2>/dev/null; wait' EXIT
trap 'exit 130' INT TERM
echo "  Comptoir, production shape from the Procfile: http://127.0.0.1:$PORT/ ($WORKERS gunicorn workers, a Celery worker and beat, PostgreSQL, Redis)"

if [ "${SCALED_SMOKE:-0}" = 1 ]; then
  for _ in $(seq 60); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/fr/" && break; sleep 0.5; done
  status=0
  $BIN/python scripts/smoke_pages.py "http://127.0.0.1:$PORT" || status=1
  $BIN/python scripts/checkout_race.py "http://127.0.0.1:$PORT" || status=1
  exit $status
else
  wait "$honcho_pid"
fi
