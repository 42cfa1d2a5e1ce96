#!/usr/bin/env bash
# A real, private WordPress for the tests (Debian's packages, installed by
# scripts/setup --browser): MariaDB on a socket in DIR, `php -S` on PORT,
# installed and seeded by seed.php. No system service, nothing outside DIR.
#
#   tests/wordpress/wp.sh start DIR PORT   prints the site's URL when it answers
#   tests/wordpress/wp.sh stop DIR
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cmd="${1:-}"
DIR="${2:?DIR}"

stop() {
  local pids=()
  for pidfile in "$DIR/php.pid" "$DIR/db.pid"; do
    [ -f "$pidfile" ] && pids+=("$(cat "$pidfile")")
  done
  [ ${#pids[@]} -gt 0 ] || return 0
  kill "${pids[@]}" 2>/dev/null || true
  # MariaDB flushes its files on the way out: wait until it is gone.
  for _ in $(seq 100); do
    kill -0 "${pids[@]}" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -9 "${pids[@]}" 2>/dev/null || true
}

case "$cmd" in
  stop) stop; exit 0 ;;
  start) ;;
  *) echo "usage: $0 start DIR PORT | stop DIR" >&2; exit 2 ;;
esac
PORT="${3:?PORT}"
[ -d /usr/share/wordpress ] || { echo "WordPress is not installed: run scripts/setup --browser" >&2; exit 1; }

stop
rm -rf "$DIR"
mkdir -p "$DIR"
DIR="$(cd "$DIR" && pwd)"
# A private copy: Debian's wp-config.php reads /etc/wordpress, and its
# .htaccess is a symlink there.
cp -a /usr/share/wordpress "$DIR/www"
rm -f "$DIR/www/.htaccess"
mkdir -p "$DIR/www/wp-content/uploads"
cp "$HERE/router.php" "$DIR/www/router.php"

user=()
[ "$(id -u)" = 0 ] && user=(--user=root)
mariadb-install-db --no-defaults --datadir="$DIR/db" "${user[@]}" --auth-root-authentication-method=socket >"$DIR/db-install.log" 2>&1
mariadbd --no-defaults --datadir="$DIR/db" --socket="$DIR/db.sock" --skip-networking --pid-file="$DIR/db.pid" \
  "${user[@]}" >"$DIR/db.log" 2>&1 &
echo $! >"$DIR/db.pid"
for _ in $(seq 100); do
  [ -S "$DIR/db.sock" ] && break
  sleep 0.1
done
[ -S "$DIR/db.sock" ] || { cat "$DIR/db.log" >&2; exit 1; }
# utf8mb4_unicode_520_ci: search then ignores Vietnamese diacritics, and đ = d.
mariadb --no-defaults --socket="$DIR/db.sock" -u root -e "
  CREATE DATABASE wp CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci;
  CREATE USER 'wp'@'localhost' IDENTIFIED BY 'wp';
  GRANT ALL ON wp.* TO 'wp'@'localhost';"

cat >"$DIR/www/wp-config.php" <<PHP
<?php
define('DB_NAME', 'wp');
define('DB_USER', 'wp');
define('DB_PASSWORD', 'wp');
define('DB_HOST', 'localhost:$DIR/db.sock');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', 'utf8mb4_unicode_520_ci');
define('WP_HOME', 'http://127.0.0.1:$PORT');
define('WP_SITEURL', 'http://127.0.0.1:$PORT');
define('WP_CONTENT_DIR', __DIR__ . '/wp-content');
define('DISABLE_WP_CRON', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_DEBUG', false);
foreach (['AUTH', 'SECURE_AUTH', 'LOGGED_IN', 'NONCE'] as \$k) {
  define(\$k . '_KEY', 'test-' . \$k);
  define(\$k . '_SALT', 'salt-' . \$k);
}
\$table_prefix = 'wp_';
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
PHP

HTTP_HOST="127.0.0.1:$PORT" php "$HERE/seed.php" "$DIR/www" >"$DIR/seed.log" 2>&1 || { cat "$DIR/seed.log" >&2; exit 1; }
php -S "127.0.0.1:$PORT" -t "$DIR/www" "$DIR/www/router.php" >"$DIR/php.log" 2>&1 &
echo $! >"$DIR/php.pid"
for _ in $(seq 100); do
  php -r "exit(@file_get_contents(\"http://127.0.0.1:$PORT/wp-json/\") === false ? 1 : 0);" && { echo "http://127.0.0.1:$PORT"; exit 0; }
  sleep 0.1
done
cat "$DIR/php.log" >&2
exit 1
