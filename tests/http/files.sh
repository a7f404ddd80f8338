#!/bin/sh
# Certificate templates and uploaded files through nginx: the template
# form with valid and invalid input, background uploads checked by
# content, files served by nginx after the access check, escaping of
# stored names, the list controls and the audit log.
#
# The L_* layout variables are read through eval in post_template.
# shellcheck disable=SC2034
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/user.sh"

admin=$(unique_name tpladmin)
learner=$(unique_name tpllearner)
add_user "$admin" admin 'admin pass 123'
add_user "$learner" learner 'learner pass 123'
admin_id=$(sql "SELECT id FROM users WHERE login = '$admin'")
tag=$(unique_name Tpl | tr -d -- -)
storage=$LAUREL_TEST_DIR/storage
files=$HTTP_TEST_DIR/files
mkdir "$files" || bail_out "cannot create $files"

# Test images, written byte by byte: a 2 × 2 red and a 3 × 1 green RGB
# PNG, a PNG whose header says 7000 × 10 pixels, and the marker segments
# of an 8 × 8 grey baseline JPEG.
printf '\211\120\116\107\015\012\032\012\000\000\000\015\111\110\104\122\000\000\000\002\000\000\000\002\010\002\000\000\000\375\324\232\163\000\000\000\020\111\104\101\124\170\332\143\070\041\047\007\104\014\020\012\000\037\046\004\021\112\216\215\040\000\000\000\000\111\105\116\104\256\102\140\202' >"$files/red.png"
printf '\211\120\116\107\015\012\032\012\000\000\000\015\111\110\104\122\000\000\000\003\000\000\000\001\010\002\000\000\000\224\202\203\343\000\000\000\015\111\104\101\124\170\332\143\220\133\140\003\101\000\016\126\002\357\103\173\100\120\000\000\000\000\111\105\116\104\256\102\140\202' >"$files/green.png"
printf '\211\120\116\107\015\012\032\012\000\000\000\015\111\110\104\122\000\000\033\130\000\000\000\012\010\000\000\000\000\230\157\205\233\000\000\000\012\111\104\101\124\170\234\143\140\000\000\000\002\000\001\110\257\244\161\000\000\000\000\111\105\116\104\256\102\140\202' >"$files/wide.png"
printf '\377\330\377\340\000\020\112\106\111\106\000\001\001\000\000\001\000\001\000\000\377\333\000\103\000' >"$files/grey.jpg"
head -c 64 /dev/zero | tr '\0' '\001' >>"$files/grey.jpg"
printf '\377\300\000\013\010\000\010\000\010\001\001\021\000\377\304\000\024\000\001\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\377\304\000\024\020\001\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\377\332\000\010\001\001\000\000\000\077\000\077\377\331' >>"$files/grey.jpg"
printf 'Not a picture %s\n' "$tag" >"$files/notes.png"
printf '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><!-- %s --></svg>\n' "$tag" >"$files/drawing.png"

# stored_copies FILE: prints how many files in the storage folder, the
# temporary names included, have the bytes of FILE.
stored_copies() {
	_sc_n=0
	for _sc_f in "$storage"/* "$storage"/.[!.]*; do
		if [ -f "$_sc_f" ] && cmp -s "$_sc_f" "$1"; then
			_sc_n=$((_sc_n + 1))
		fi
	done
	echo "$_sc_n"
}

# count_templates NAME: prints the number of templates named NAME.
count_templates() {
	sql "SELECT COUNT(*) FROM certificate_templates WHERE name = '$1'"
}

fields='learner_name certificate_name completed_on expires_on certificate_number credit_hours verification_code'

# layout_reset: puts every box at 20, 20 mm, 100 × 10 mm, 12 pt, centred,
# which fits on every page size and orientation.
layout_reset() {
	for _lr_f in $fields; do
		eval "L_${_lr_f}_x=20 L_${_lr_f}_y=20 L_${_lr_f}_width=100"
		eval "L_${_lr_f}_height=10 L_${_lr_f}_font_size=12"
		eval "L_${_lr_f}_align=center"
	done
}

# post_template PATH [CURL_OPTION...]: posts the multipart template form
# with the CSRF token, the options given and the layout variables.
post_template() {
	_pt_path=$1
	shift
	for _pt_f in $fields; do
		for _pt_p in x y width height font_size align; do
			_pt_v=
			eval "_pt_v=\$L_${_pt_f}_${_pt_p}"
			set -- "$@" --form-string "${_pt_f}_${_pt_p}=$_pt_v"
		done
	done
	request POST "$_pt_path" --form-string "csrf=$csrf" "$@"
}

# rejected NAME TEXT ID: checks a 400 response whose message TEXT is at
# the field ID, and that no template "$tag Bad" was saved.
rejected() {
	is "$STATUS" 400 "$1: status 400"
	like "id=\"$3-error\">$2" "$1: message at the field"
	like 'Nothing was saved.' "$1: summary shown"
	is "$(count_templates "$tag Bad")" 0 "$1: nothing saved"
}

use_cookie_jar admin
sign_in "$admin" 'admin pass 123'

# ---------------------------------------------------------------- new form

request GET /admin/templates/new
is "$STATUS" 200 "new template form loads"
csrf=$(extract_csrf)
like 'enctype="multipart/form-data"' "form sends files"
like 'id="learner_name_x" name="learner_name_x" type="text" inputmode="decimal" value="28.5"' \
    "learner name x pre-filled"
like 'value="landscape" checked' "landscape pre-selected"
like '<option value="A4" selected>' "A4 pre-selected"
like 'id="verification_code_x" name="verification_code_x" type="text" inputmode="decimal" value="197"' \
    "verification code box pre-filled at the right"
like '<option value="right" selected>Right</option>' "right alignment pre-selected"

# ---------------------------------------------------------------- create

layout_reset
L_credit_hours_x=123.4
L_credit_hours_font_size=10.5
L_certificate_number_align=left
red_before=$(stored_copies "$files/red.png")
post_template /admin/templates --form-string "name=$tag Diplôme" \
    --form-string page_size=A4 --form-string orientation=landscape \
    -F "background=@$files/red.png;filename=Hintergrund Grün.png;type=image/png"
is "$STATUS" 303 "template with a PNG background created"
location=$(header_value Location)
id=${location##*/}
is "$(sql "SELECT name FROM certificate_templates WHERE id = $id")" "$tag Diplôme" \
    "name stored byte for byte"
is "$(sql "SELECT CONCAT(page_size, ' ', orientation) FROM certificate_templates WHERE id = $id")" \
    "A4 landscape" "page stored"
is "$(sql "SELECT COUNT(*) FROM certificate_template_fields WHERE template_id = $id")" 7 \
    "seven field rows stored"
is "$(sql "SELECT CONCAT(x_mm, ' ', font_size) FROM certificate_template_fields WHERE template_id = $id AND field = 'credit_hours'")" \
    "123.4 10.5" "decimal place of x and font size kept"
is "$(sql "SELECT align FROM certificate_template_fields WHERE template_id = $id AND field = 'certificate_number'")" \
    left "alignment stored"
fid=$(sql "SELECT background_file_id FROM certificate_templates WHERE id = $id")
is "$(sql "SELECT CONCAT(purpose, ' ', content_type, ' ', width, 'x', height, ' ', size_bytes) FROM files WHERE id = $fid")" \
    "template_background image/png 2x2 73" "file row records the checked type and size"
is "$(sql "SELECT original_name FROM files WHERE id = $fid")" "Hintergrund Grün.png" \
    "original file name kept"
storage_name=$(sql "SELECT storage_name FROM files WHERE id = $fid")
case $storage_name in
[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f].png)
	tap_result 0 "storage name is 32 random hex digits and .png" ;;
*)
	tap_result 1 "storage name is 32 random hex digits and .png"
	diag "got: $storage_name" ;;
esac
if cmp -s "$storage/$storage_name" "$files/red.png"; then
	tap_result 0 "stored copy has the uploaded bytes"
else
	tap_result 1 "stored copy has the uploaded bytes"
fi
is "$(stored_copies "$files/red.png")" $((red_before + 1)) "exactly one copy stored"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'template_create' AND target_id = $id AND actor_id = $admin_id")" \
    1 "creation audited with the admin as actor"

request GET "$location"
is "$STATUS" 200 "edit form loads"
like 'Certificate template created.' "creation confirmed"
like "value=\"$tag Diplôme\"" "name shown in the form"
like "href=\"/files/$fid\"" "current background linked"
like 'Hintergrund Grün.png, 2 × 2 pixels' "current background described"
like 'id="credit_hours_x" name="credit_hours_x" type="text" inputmode="decimal" value="123.4"' \
    "stored x shown"
like 'name="remove_background"' "remove checkbox offered"

# ---------------------------------------------------------------- serving

request GET "/files/$fid"
is "$STATUS" 200 "background served to the admin"
header_is Content-Type image/png "served with the checked type"
header_is X-Content-Type-Options nosniff "served with nosniff"
header_is Content-Disposition 'inline; filename="Hintergrund_Gr_n.png"' \
    "served inline with an ASCII file name"
header_is Cache-Control 'private, max-age=3600' "cached privately for an hour"
header_is X-Accel-Redirect '' "internal path not shown to the browser"
header_is Content-Security-Policy "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'" \
    "served with the security policy"
if cmp -s "$RESPONSE_BODY" "$files/red.png"; then
	tap_result 0 "nginx sends the stored bytes"
else
	tap_result 1 "nginx sends the stored bytes"
fi
request HEAD "/files/$fid"
is "$STATUS" 200 "HEAD of a file"
header_is Content-Length 73 "HEAD gives the file's length"
request GET "/_files/$storage_name"
is "$STATUS" 404 "storage path requested directly is 404"
request GET /files/999999999
is "$STATUS" 404 "unknown file is 404"
like 'Page not found' "unknown file gets the friendly page"

use_cookie_jar learner
sign_in "$learner" 'learner pass 123'
request GET "/files/$fid"
is "$STATUS" 404 "learner gets 404 for a template background"
like 'Page not found' "same page as a missing file"
header_is X-Accel-Redirect '' "no file sent to the learner"
request GET /admin/templates
is "$STATUS" 403 "learner cannot open the template list"
no_cookie_jar
request GET "/files/$fid"
is "$STATUS" 303 "file needs a session"
header_is Location "/signin?next=/files/$fid" "signed-out request sent to sign-in"
use_cookie_jar admin

# ---------------------------------------------------------------- uploads

request GET /admin/templates/new
layout_reset
post_template /admin/templates --form-string "name=$tag Bad" \
    -F "background=@$files/notes.png;filename=notes-$tag.png;type=image/png"
rejected "text file named .png" \
    'The file is not a PNG or JPEG image. Save it as PNG or JPEG and upload it again.' \
    background
is "$(stored_copies "$files/notes.png")" 0 "text file not in the storage folder"
is "$(sql "SELECT COUNT(*) FROM files WHERE original_name = 'notes-$tag.png'")" 0 \
    "no files row for the text file"
like "value=\"$tag Bad\"" "other fields kept in the form"

post_template /admin/templates --form-string "name=$tag Bad" \
    -F "background=@$files/drawing.png;filename=drawing.svg;type=image/svg+xml"
rejected "SVG" 'The file is not a PNG or JPEG image.' background
is "$(stored_copies "$files/drawing.png")" 0 "SVG not in the storage folder"

post_template /admin/templates --form-string "name=$tag Bad" \
    -F "background=@$files/wide.png;filename=wide.png"
rejected "7000 pixels wide PNG" \
    'The image is 7000 × 10 pixels, but template backgrounds can be at most 6000 × 6000 pixels.' \
    background

head -c 40 "$files/red.png" >"$files/cut.png"
post_template /admin/templates --form-string "name=$tag Bad" \
    -F "background=@$files/cut.png;filename=cut.png"
rejected "truncated PNG" 'The file looks like a PNG image but is incomplete or damaged.' \
    background

: >"$files/empty.png"
post_template /admin/templates --form-string "name=$tag Bad" \
    -F "background=@$files/empty.png;filename=empty.png"
rejected "empty file" 'The file is empty.' background

# A valid file with another invalid field is not kept.
green_before=$(stored_copies "$files/green.png")
L_learner_name_font_size=200
post_template /admin/templates --form-string "name=$tag Bad" \
    -F "background=@$files/green.png;filename=green-$tag.png"
is "$STATUS" 400 "valid file with an invalid field: 400"
like 'The image you chose was not saved' "user told to choose the file again"
is "$(stored_copies "$files/green.png")" "$green_before" "valid file not stored"
is "$(sql "SELECT COUNT(*) FROM files WHERE original_name = 'green-$tag.png'")" 0 \
    "no files row for it"
layout_reset

# nginx rejects a body over 10 MB before laurel-fcgi reads it.
head -c 11000000 /dev/zero >"$files/huge.png"
post_template /admin/templates --form-string "name=$tag Bad" \
    -F "background=@$files/huge.png;filename=huge.png"
is "$STATUS" 413 "11 MB upload answered 413 by nginx"
is "$(count_templates "$tag Bad")" 0 "nothing saved by the 11 MB upload"
rm -f "$files/huge.png"

# ---------------------------------------------------------------- fields

post_template /admin/templates --form-string "name="
rejected "missing name" 'Name is required.' name
long=$(head -c 151 /dev/zero | tr '\0' x)
post_template /admin/templates --form-string "name=$long"
is "$STATUS" 400 "151-character name: 400"
like 'id="name-error">Name must be at most 150 characters long.' "length limit named"

L_learner_name_x=100
L_learner_name_width=240
post_template /admin/templates --form-string "name=$tag Bad"
rejected "box past the right edge" \
    'Learner name does not fit across the page: x 100 mm plus width 240 mm ends at 340 mm, but the A4 landscape page is 297 mm wide. Reduce x or the width.' \
    learner_name_width
layout_reset

L_expires_on_x=20
L_expires_on_width=200
post_template /admin/templates --form-string "name=$tag Bad" \
    --form-string orientation=portrait
rejected "box too wide for portrait" \
    'Expiry date does not fit across the page: x 20 mm plus width 200 mm ends at 220 mm, but the A4 portrait page is 210 mm wide.' \
    expires_on_width
layout_reset

L_credit_hours_y=269.5
post_template /admin/templates --form-string "name=$tag Bad" \
    --form-string page_size=Letter --form-string orientation=portrait
rejected "box past the bottom of Letter" \
    'Credit hours does not fit down the page: y 269.5 mm plus height 10 mm ends at 279.5 mm, but the Letter portrait page is 279.4 mm high. Reduce y or the height.' \
    credit_hours_height
L_credit_hours_y=269.4
post_template /admin/templates --form-string "name=$tag Letter edge" \
    --form-string page_size=Letter --form-string orientation=portrait
is "$STATUS" 303 "box ending exactly at the Letter page edge accepted"
layout_reset

L_learner_name_font_size=200
post_template /admin/templates --form-string "name=$tag Bad"
rejected "font size 200" \
    'Learner name font size must be a number from 6 to 96 points with at most one decimal place, such as 12.5.' \
    learner_name_font_size
L_learner_name_font_size=5.9
post_template /admin/templates --form-string "name=$tag Bad"
rejected "font size 5.9" 'Learner name font size must be a number from 6 to 96 points' \
    learner_name_font_size
layout_reset

L_verification_code_align=justify
post_template /admin/templates --form-string "name=$tag Bad"
rejected "unknown alignment" \
    'Verification code alignment has an unknown value; choose one of the offered options.' \
    verification_code_align
layout_reset

post_template /admin/templates --form-string "name=$tag Bad" \
    --form-string page_size=A3
rejected "unknown page size" 'Page size has an unknown value' page_size
post_template /admin/templates --form-string "name=$tag Bad" \
    --form-string orientation=diagonal
rejected "unknown orientation" 'Orientation has an unknown value' orientation

for bad in abc 1.25 -1 432.1 '12,5' ''; do
	L_completed_on_x=$bad
	post_template /admin/templates --form-string "name=$tag Bad"
	if [ -z "$bad" ]; then
		rejected "empty x" 'Completion date x is required.' completed_on_x
	else
		rejected "x '$bad'" \
		    'Completion date x must be a number from 0 to 432 mm with at most one decimal place' \
		    completed_on_x
	fi
done
layout_reset

# Several invalid fields are all reported at once.
L_learner_name_font_size=200
L_credit_hours_align=justify
post_template /admin/templates --form-string "name="
is "$STATUS" 400 "three invalid fields: 400"
like 'id="name-error">Name is required.' "first of three reported"
like 'id="learner_name_font_size-error">' "second of three reported"
like 'id="credit_hours_align-error">' "third of three reported"
layout_reset

# Duplicate names: the background stored for the attempt is removed.
green_before=$(stored_copies "$files/green.png")
post_template /admin/templates --form-string "name=$tag DIPLÔME" \
    -F "background=@$files/green.png;filename=dup-$tag.png"
is "$STATUS" 409 "name differing only in case: 409"
like 'Another certificate template already has this name.' "duplicate explained"
is "$(count_templates "$tag DIPLÔME")" 1 "only the first template has the name"
is "$(stored_copies "$files/green.png")" "$green_before" \
    "background of the duplicate removed from the storage folder"
is "$(sql "SELECT COUNT(*) FROM files WHERE original_name = 'dup-$tag.png'")" 0 \
    "no files row for the duplicate"

# ---------------------------------------------------------------- edit

request GET "/admin/templates/$id"
csrf=$(extract_csrf)
post_template "/admin/templates/$id" --form-string "name=$tag Diplôme" \
    --form-string page_size=Letter --form-string orientation=landscape
is "$STATUS" 303 "edit without a file saved"
is "$(sql "SELECT background_file_id FROM certificate_templates WHERE id = $id")" "$fid" \
    "background kept when no file is sent"
is "$(sql "SELECT page_size FROM certificate_templates WHERE id = $id")" Letter \
    "page size changed"
is "$(sql "SELECT CONCAT(x_mm, ' ', font_size) FROM certificate_template_fields WHERE template_id = $id AND field = 'credit_hours'")" \
    "20.0 12.0" "boxes updated"
audit=$(sql "SELECT details FROM audit_log WHERE action = 'template_update' AND target_id = $id ORDER BY id DESC LIMIT 1")
case $audit in
*'page size: "A4" -> "Letter"'*'credit_hours: "123.4,20.0'*)
	tap_result 0 "audit row says what changed" ;;
*)
	tap_result 1 "audit row says what changed"
	diag "got: $audit" ;;
esac

post_template "/admin/templates/$id" --form-string "name=$tag Diplôme" \
    -F remove_background=1 -F "background=@$files/grey.jpg;filename=grey.jpg"
is "$STATUS" 400 "new file and remove together: 400"
like 'id="background-error">Choose a new background image or tick' "conflict explained"
is "$(sql "SELECT background_file_id FROM certificate_templates WHERE id = $id")" "$fid" \
    "background unchanged by the conflict"

post_template "/admin/templates/$id" --form-string "name=$tag Diplôme" \
    -F "background=@$files/grey.jpg;filename=Urkunde.JPEG;type=image/jpeg"
is "$STATUS" 303 "background replaced by a JPEG"
jid=$(sql "SELECT background_file_id FROM certificate_templates WHERE id = $id")
is "$(sql "SELECT CONCAT(content_type, ' ', width, 'x', height) FROM files WHERE id = $jid")" \
    "image/jpeg 8x8" "JPEG type and size from its SOF0 segment"
is "$(sql "SELECT COUNT(*) FROM files WHERE id = $fid")" 0 "old background row deleted"
if [ -e "$storage/$storage_name" ]; then
	tap_result 1 "old background removed from the storage folder"
else
	tap_result 0 "old background removed from the storage folder"
fi
request GET "/files/$fid"
is "$STATUS" 404 "old background no longer served"
request GET "/files/$jid"
is "$STATUS" 200 "JPEG background served"
header_is Content-Type image/jpeg "JPEG served as image/jpeg"
header_is Content-Disposition 'inline; filename="Urkunde.jpg"' \
    "JPEG file name with the checked extension"
if cmp -s "$RESPONSE_BODY" "$files/grey.jpg"; then
	tap_result 0 "nginx sends the JPEG's bytes"
else
	tap_result 1 "nginx sends the JPEG's bytes"
fi
audit=$(sql "SELECT details FROM audit_log WHERE action = 'template_update' AND target_id = $id ORDER BY id DESC LIMIT 1")
case $audit in
*'background: "Hintergrund Grün.png" -> "Urkunde.JPEG"'*)
	tap_result 0 "background change audited" ;;
*)
	tap_result 1 "background change audited"
	diag "got: $audit" ;;
esac

jpeg_storage=$(sql "SELECT storage_name FROM files WHERE id = $jid")
request GET "/admin/templates/$id"
like 'name="remove_background"' "remove checkbox offered for the JPEG"
post_template "/admin/templates/$id" --form-string "name=$tag Diplôme" \
    -F remove_background=1
is "$STATUS" 303 "background removed"
is "$(sql "SELECT IFNULL(background_file_id, 'none') FROM certificate_templates WHERE id = $id")" \
    none "template has no background"
is "$(sql "SELECT COUNT(*) FROM files WHERE id = $jid")" 0 "removed background's row deleted"
if [ -e "$storage/$jpeg_storage" ]; then
	tap_result 1 "removed background's file deleted"
else
	tap_result 0 "removed background's file deleted"
fi
request GET "/admin/templates/$id"
unlike 'name="remove_background"' "no remove checkbox without a background"
request GET /admin/templates/999999999
is "$STATUS" 404 "unknown template is 404"
post_template /admin/templates/999999999 --form-string "name=$tag Nobody"
is "$STATUS" 404 "saving an unknown template is 404"

# ---------------------------------------------------------------- escaping

for payload in '<script>alert(1)</script>' '"><img src=x onerror=alert(1)>'; do
	post_template /admin/templates --form-string "name=$tag $payload" \
	    -F "background=@$files/red.png;filename=$tag.png"
	is "$STATUS" 303 "template named with markup saved"
	loc=$(header_value Location)
	xid=${loc##*/}
	is "$(sql "SELECT name FROM certificate_templates WHERE id = $xid")" "$tag $payload" \
	    "markup stored byte for byte"
	request GET "$loc"
	unlike "$payload" "markup not raw on the edit page"
	like "$tag &" "name escaped on the edit page"
	request GET "/admin/templates?q=$tag"
	unlike "$payload" "markup not raw on the list"
	like "Background of $tag &" "name escaped in the thumbnail text"
	request GET "/admin/audit?target=certificate_template&id=$xid"
	unlike "$payload" "markup not raw on the audit page"
	post_template /admin/templates --form-string "name=$tag $payload" \
	    --form-string 'learner_name_x=abc'
	unlike "$payload" "markup not raw on the form shown again"
done

# ---------------------------------------------------------------- list

request GET "/admin/templates?q=$tag"
is "$STATUS" 200 "list loads"
like "<a href=\"/admin/templates/$id\">$tag Diplôme</a>" "template listed with its name"
like '<td>Letter</td>' "page size listed"
like '<td>Landscape</td>' "orientation listed"
like "<img src=\"/files/" "background thumbnail listed"
like '<span class="muted">None</span>' "missing background listed as None"

family=$(sql "INSERT INTO certification_families (created_at) VALUES (NOW(6)); SELECT LAST_INSERT_ID()")
sql "INSERT INTO certifications (family_id, version, name, description, certificate_template_id, created_at, updated_at) VALUES ($family, 1, '$tag cert', '', $id, NOW(6), NOW(6))"
request GET "/admin/templates?q=$tag%20Dipl"
if grep -A 5 "/admin/templates/$id\"" "$RESPONSE_BODY" | grep -q '<td class="num">1</td>'; then
	tap_result 0 "list counts the certification using the template"
else
	tap_result 1 "list counts the certification using the template"
	diag_response
fi
request GET "/admin/templates/$id"
like 'Used by 1 certification.' "edit form names the use"

request GET "/admin/templates?q=$tag&sort=name&dir=desc"
first=$(grep -o "/admin/templates/[0-9]*\">$tag [^<]*" "$RESPONSE_BODY" | head -n 1 | sed 's/.*">//')
is "$first" "$tag Letter edge" "descending sort puts Letter edge first"
request GET "/admin/templates?q=$tag&sort=name&dir=asc"
first=$(grep -o "/admin/templates/[0-9]*\">$tag [DL][^<]*" "$RESPONSE_BODY" | head -n 1 | sed 's/.*">//')
is "$first" "$tag Diplôme" "ascending sort puts Diplôme before Letter edge"
request GET "/admin/templates?letter=Q&q=$tag"
unlike "$tag Diplôme" "letter Q filters out names starting with T"
like 'aria-current="page">Q<' "letter Q marked current"
request GET "/admin/templates?letter=T&q=$tag"
like "$tag Diplôme" "letter T keeps the name"
request GET "/admin/templates?q=zz$tag"
like 'Nothing found' "search with no match"

i=0
values=""
while [ "$i" -lt 53 ]; do
	values="$values('${tag}Page$(printf %03d $i)', 'A4', 'portrait', NOW(6), NOW(6)),"
	i=$((i + 1))
done
sql "INSERT INTO certificate_templates (name, page_size, orientation, created_at, updated_at) VALUES ${values%,}"
request GET "/admin/templates?q=${tag}Page"
like 'Showing 1–50' "first page shows 50"
like 'rel="next"' "next page offered"
unlike "${tag}Page050" "row 51 not on page 1"
request GET "/admin/templates?q=${tag}Page&page=2"
like 'Showing 51–53' "second page shows the rest"
like "${tag}Page052" "last row on page 2"
unlike 'rel="next"' "no page after the last"
like 'rel="prev"' "previous page offered"

done_testing
