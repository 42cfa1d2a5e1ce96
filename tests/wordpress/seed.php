<?php
// Installs WordPress in the directory given and seeds the content the
// reader's WordPress tests read (tests/e2e/wordpress.test.mjs). Deterministic:
// fixed dates, but one post two hours before now (relative time).
$www = $argv[1];
define('WP_INSTALLING', true);
require $www . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/image.php';

$install = wp_install('Cổng TTĐN tỉnh Thử nghiệm', 'admin', 'admin@example.test', true, '', 'admin-password-1');
$admin = $install['user_id'];
update_option('blogdescription', 'Thông tin đối ngoại của tỉnh – bản thử nghiệm');
update_option('timezone_string', 'Asia/Ho_Chi_Minh');
update_option('permalink_structure', '/%postname%/');
// An administrator may write raw markup (unfiltered_html): what the reader must survive.
wp_set_current_user($admin);

$cats = [];
foreach ([
  ['Tin tức - Sự kiện', 'tin-tuc-su-kien'],
  ['Hợp tác quốc tế', 'hop-tac-quoc-te'],
  ['Biên giới & Biển đảo', 'bien-gioi-bien-dao'],
  ['Chuyên mục trống', 'chuyen-muc-trong'],
] as [$name, $slug]) {
  $cats[$slug] = wp_insert_term($name, 'category', ['slug' => $slug])['term_id'];
}
$authors = [];
foreach ([['an', 'Nguyễn Văn An'], ['binh', 'Trần Thị Bình']] as [$login, $name]) {
  $authors[] = wp_insert_user(['user_login' => $login, 'user_pass' => 'pass-' . $login, 'display_name' => $name,
    'user_email' => "$login@example.test", 'role' => 'author']);
}

/** A solid-colour PNG, without GD. */
function png($w, $h, $rgb) {
  $row = "\0" . str_repeat($rgb, $w);
  $chunk = fn($type, $data) => pack('N', strlen($data)) . $type . $data . pack('N', crc32($type . $data));
  return "\x89PNG\r\n\x1a\n" . $chunk('IHDR', pack('NNCCCCC', $w, $h, 8, 2, 0, 0, 0))
    . $chunk('IDAT', gzcompress(str_repeat($row, $h))) . $chunk('IEND', '');
}

function featured($post, $n, $caption) {
  $dir = wp_upload_dir('2026/11');
  wp_mkdir_p($dir['path']);
  $file = $dir['path'] . "/anh-$n.png";
  file_put_contents($file, png(800, 450, chr(40 + $n * 7 % 200) . chr(90) . chr(140)));
  $att = wp_insert_attachment(['post_mime_type' => 'image/png', 'post_title' => "Ảnh $n",
    'post_excerpt' => $caption, 'post_status' => 'inherit'], $file, $post);
  wp_update_attachment_metadata($att, wp_generate_attachment_metadata($att, $file));
  update_post_meta($att, '_wp_attachment_image_alt', "Ảnh minh họa $n");
  set_post_thumbnail($post, $att);
}

function post($title, $date, $cat, $extra = []) {
  global $authors;
  static $n = 0;
  $n++;
  return wp_insert_post(array_merge([
    'post_title' => $title,
    'post_content' => "<p>Nội dung bài <strong>$n</strong>: công tác thông tin đối ngoại trên địa bàn tỉnh.</p>\n<p>Đoạn thứ hai.</p>",
    'post_excerpt' => '',
    'post_status' => 'publish',
    'post_date' => $date,
    'post_category' => [$cat],
    'post_author' => $authors[$n % 2],
  ], $extra), true);
}

$slugs = array_keys($cats);
$start = new DateTimeImmutable('2026-06-01 08:15:00', new DateTimeZone('Asia/Ho_Chi_Minh'));
for ($i = 1; $i <= 25; $i++) {
  $title = $i % 5 === 0 ? "Hội nghị triển khai công tác thông tin đối ngoại lần $i" : "Tin đối ngoại số $i của tỉnh";
  $id = post($title, $start->modify('+' . ($i * 6) . ' days')->format('Y-m-d H:i:s'), $cats[$slugs[$i % 3]],
    ['tags_input' => $i % 3 === 0 ? ['Đối ngoại', 'Biên giới'] : ['Đối ngoại']]);
  if ($i % 2 === 0) featured($id, $i, "Chú thích ảnh số $i");
}
// News by date at the day's edges: 20/11/2026 00:30 and 23:40, and just outside it.
post('Tin lúc 00:30 ngày 20/11', '2026-11-20 00:30:00', $cats['tin-tuc-su-kien']);
post('Tin lúc 23:40 ngày 20/11', '2026-11-20 23:40:00', $cats['hop-tac-quoc-te']);
post('Tin lúc 23:50 ngày 19/11', '2026-11-19 23:50:00', $cats['tin-tuc-su-kien']);
post('Tin lúc 00:10 ngày 21/11', '2026-11-21 00:10:00', $cats['tin-tuc-su-kien']);
$recent = (new DateTimeImmutable('now', new DateTimeZone('Asia/Ho_Chi_Minh')))->modify('-2 hours');
post('Tin mới trong ngày', $recent->format('Y-m-d H:i:s'), $cats['tin-tuc-su-kien']);
$sticky = post('Tin nóng: tỉnh đón đoàn công tác nước bạn', '2026-07-15 09:00:00', $cats['hop-tac-quoc-te']);
stick_post($sticky);
$updated = post('Bài viết có cập nhật', '2026-10-01 10:00:00', $cats['tin-tuc-su-kien']);
featured($updated, 99, 'Toàn cảnh hội nghị');
// modified is the time of the update, written directly (wp_update_post would use now).
global $wpdb;
$wpdb->update($wpdb->posts, ['post_modified' => '2026-10-02 15:30:00', 'post_modified_gmt' => '2026-10-02 08:30:00'], ['ID' => $updated]);
post('Bài viết có mật khẩu', '2026-09-09 09:09:00', $cats['tin-tuc-su-kien'], ['post_password' => 'mat-khau']);
post('Tiêu đề &amp; "trích dẫn" – <img src=x onerror="window.__wpXss=1">thử<script>window.__wpXss=1</script>', '2026-08-08 08:08:00',
  $cats['bien-gioi-bien-dao'], ['post_content' => '<p>Thân bài<script>window.__wpXss=1</script><img src=x onerror="window.__wpXss=1"></p>']);
echo json_encode(['sticky' => $sticky, 'updated' => $updated, 'posts' => wp_count_posts()->publish]), "\n";
