<?php
// `php -S` router standing in for WordPress' rewrite rules: files are served
// as they are, everything else goes to index.php (so /wp-json/... works).
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
$file = __DIR__ . '/' . ltrim(urldecode($path), '/');
if ($path !== '/' && is_file($file)) {
    return false;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = __DIR__ . '/index.php';
require __DIR__ . '/index.php';
