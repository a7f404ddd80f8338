#!/bin/sh
# Admin pages for catalogs, user types and languages, the audit log and
# the search panel: valid and invalid input, nothing saved on errors,
# escaping of stored text, and the list controls.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/user.sh"

admin=$(unique_name catadmin)
add_user "$admin" admin 'admin pass 123'
use_cookie_jar admin
sign_in "$admin" 'admin pass 123'
request GET /admin/catalogs/new
csrf=$(extract_csrf)
tag=$(unique_name Cat | tr -d -- -)

# post PATH FIELD=VALUE...: a form POST with the CSRF token.
post() {
	_p_path=$1
	shift
	request POST "$_p_path" --data-urlencode "csrf=$csrf" "$@"
}

# Catalogs: create, errors, duplicates, escaping.
post /admin/catalogs --data-urlencode "name=$tag Alpha" \
    --data-urlencode "description=Ακαδημία & <b>bold</b>" -d active=1
is "$STATUS" 303 "catalog created"
location=$(header_value Location)
id=${location##*/}
is "$(sql "SELECT name FROM catalogs WHERE id = $id")" "$tag Alpha" "catalog name stored"
is "$(sql "SELECT description FROM catalogs WHERE id = $id")" "Ακαδημία & <b>bold</b>" \
    "UTF-8 and markup stored byte for byte"
request GET "$location"
like 'Catalog created.' "creation confirmed"
like 'Ακαδημία &amp; &lt;b&gt;bold&lt;/b&gt;' "description shown escaped in the form"

# Other tests create catalogs at the same time, so only names this test
# could have saved are counted.
long=$(head -c 151 /dev/zero | tr '\0' x)
mine="(name LIKE '$tag%' OR name = '$long' OR name LIKE 'a_b')"
before=$(sql "SELECT COUNT(*) FROM catalogs WHERE $mine")
post /admin/catalogs --data-urlencode "name=" -d active=1
is "$STATUS" 400 "empty name is 400"
like 'Name is required.' "missing name explained at the field"
post /admin/catalogs --data-urlencode "name=$long"
is "$STATUS" 400 "151-character name is 400"
like 'at most 150 characters' "length limit named"
post /admin/catalogs --data-urlencode "name=$tag ALPHA"
is "$STATUS" 409 "name differing only in case is a duplicate"
like 'Another catalog already has this name.' "duplicate explained"
post /admin/catalogs --data-urlencode "name=$(printf 'a\001b')"
is "$STATUS" 400 "control character in a name is 400"
is "$(sql "SELECT COUNT(*) FROM catalogs WHERE $mine")" "$before" "nothing saved by invalid posts"

for payload in '<script>alert(1)</script>' '"><img src=x onerror=alert(1)>'; do
	post /admin/catalogs --data-urlencode "name=$tag $payload" \
	    --data-urlencode "description=$payload"
	is "$STATUS" 303 "catalog with markup saved"
	loc=$(header_value Location)
	request GET "$loc"
	unlike "$payload" "markup not raw on the edit page"
	request GET "/admin/catalogs?q=$tag"
	unlike "$payload" "markup not raw on the list"
	like "$tag &" "name shown escaped on the list"
done

post "/admin/catalogs/$id" --data-urlencode "name=$tag Beta" \
    --data-urlencode "description=new"
is "$STATUS" 303 "catalog updated"
is "$(sql "SELECT active FROM catalogs WHERE id = $id")" 0 "unchecked box deactivates"
audit=$(sql "SELECT details FROM audit_log WHERE action = 'catalog_update' AND target_id = $id ORDER BY id DESC LIMIT 1")
case $audit in
*"name: \"$tag Alpha\" -> \"$tag Beta\""*) tap_result 0 "audit row says what changed" ;;
*) tap_result 1 "audit row says what changed"; diag "got: $audit" ;;
esac
actor=$(sql "SELECT u.login FROM audit_log a JOIN users u ON u.id = a.actor_id WHERE a.action = 'catalog_update' AND a.target_id = $id LIMIT 1")
is "$actor" "$admin" "audit row names the admin"
request GET /admin/catalogs/999999999
is "$STATUS" 404 "unknown catalog is 404"

# List controls
request GET "/admin/catalogs?q=$tag&sort=name&dir=desc"
first=$(grep -o "/admin/catalogs/[0-9]*\">$tag [^<]*" "$RESPONSE_BODY" | head -n 1 | sed 's/.*">//')
is "$first" "$tag Beta" "descending sort puts Beta first"
request GET "/admin/catalogs?letter=Q&q=$tag"
unlike "$tag Beta" "letter Q filters out names starting with $tag"
like 'aria-current="page">Q<' "letter Q marked current"
i=0
values=""
while [ "$i" -lt 55 ]; do
	values="$values('${tag}Page$(printf %03d $i)', '', 1, NOW(6), NOW(6)),"
	i=$((i + 1))
done
sql "INSERT INTO catalogs (name, description, active, created_at, updated_at) VALUES ${values%,}"
request GET "/admin/catalogs?q=${tag}Page"
like 'Showing 1–50' "first page shows 50"
like 'rel="next"' "next page offered"
request GET "/admin/catalogs?q=${tag}Page&page=2"
like 'Showing 51–55' "second page shows the rest"
like "${tag}Page054" "last row on page 2"
unlike 'rel="next"' "no page after the last"

# User types
post /admin/user-types --data-urlencode "name=$tag Partner"
is "$STATUS" 303 "user type created"
post /admin/user-types --data-urlencode "name=$tag partner"
is "$STATUS" 409 "duplicate user type refused"
post /admin/user-types --data-urlencode "name=<script>alert(1)</script>$tag"
request GET "/admin/user-types?q=%3Cscript"
unlike '<script>alert(1)</script>' "user type name escaped on the list"
tid=$(sql "SELECT id FROM user_types WHERE name = '$tag Partner'")
post "/admin/user-types/$tid" --data-urlencode "name="
is "$STATUS" 400 "renaming to empty is 400"
is "$(sql "SELECT name FROM user_types WHERE id = $tid")" "$tag Partner" "name unchanged"

# Languages
lc=$(printf 'x%s' "$(echo "$tag" | tr -dc 'a-z' | head -c 2)")
lc=$(echo "$lc" | head -c 3)
post /admin/languages --data-urlencode "code=$lc" --data-urlencode "name=Test $tag"
if [ "$STATUS" = 303 ] || [ "$STATUS" = 409 ]; then
	tap_result 0 "language added"
else
	tap_result 1 "language added"; diag_response
fi
post /admin/languages --data-urlencode "code=not a code" --data-urlencode "name=X"
is "$STATUS" 400 "malformed language code is 400"
like 'such as fr or pt-BR' "language code rule explained"
request GET "/admin/languages/remove?code=en"
like 'cannot be removed' "English cannot be removed"
post /admin/languages/remove --data-urlencode "code=en"
is "$STATUS" 409 "removing English refused"
is "$(sql "SELECT COUNT(*) FROM languages WHERE code = 'en'")" 1 "English still there"
request GET "/admin/languages/remove?code=$lc"
like 'Remove language' "removal asks for confirmation"
post /admin/languages/remove --data-urlencode "code=$lc"
is "$STATUS" 303 "unused language removed after confirmation"
is "$(sql "SELECT COUNT(*) FROM languages WHERE code = '$lc'")" 0 "language gone"

# Audit log page and search panel
request GET "/admin/audit?target=catalog&id=$id"
like 'catalog_update' "audit page lists the update"
like "$admin" "audit page names the admin"
request GET "/admin/search?q=$admin"
like "/admin/users/" "search panel finds the admin user"
like "$admin" "search result shows the login"
request GET /admin
is "$STATUS" 303 "/admin redirects"
header_is Location /admin/ "to /admin/"
request GET /static/no-such-file.css
is "$STATUS" 404 "missing static file is 404"
like 'Page not found' "nginx 404 is the friendly page"

done_testing
