#!/bin/sh
# User groups through nginx.  Covers the list with search, letters,
# sorting and pages, and the create and edit form with invalid input and
# duplicates.  Then the members page (search, add, remove with
# confirmation) and the certifications a group subscribes to (picker, Auto
# Enroll, removal with confirmation).  Names are checked for escaping and
# every change for its audit row.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/user.sh"

# A token unique to this run that starts with a letter, for names that
# searches must find among the rows of other tests.
p=k$(unique_name x | tr -dc '0-9')
P=$(printf '%s' "$p" | tr '[:lower:]' '[:upper:]')
script_xss='<script>alert(1)</script>'
script_esc='&lt;script&gt;alert(1)&lt;/script&gt;'
img_xss='"><img src=x onerror=alert(1)>'
img_esc='&quot;&gt;&lt;img src=x onerror=alert(1)&gt;'

admin=$(unique_name groups-admin)
add_user "$admin" admin 'admin pass 123'
admin_id=$(sql "SELECT id FROM users WHERE login = '$admin'")
use_cookie_jar admin
sign_in "$admin" 'admin pass 123'
[ "$STATUS" = 303 ] || bail_out "admin cannot sign in"
request GET /admin/groups
csrf=$(extract_csrf)

# post PATH [CURL_OPTION...]: POSTs the form with the session's token.
post() {
	_po_path=$1
	shift
	request POST "$_po_path" --data-urlencode "csrf=$csrf" "$@"
}

# appears_before FIRST SECOND NAME: passes when FIRST occurs in the last
# response body before SECOND, and both occur.
appears_before() {
	_ab_a=$(grep -boF -- "$1" "$RESPONSE_BODY" | head -n 1 | cut -d: -f1)
	_ab_b=$(grep -boF -- "$2" "$RESPONSE_BODY" | head -n 1 | cut -d: -f1)
	if [ -n "$_ab_a" ] && [ -n "$_ab_b" ] && [ "$_ab_a" -lt "$_ab_b" ]; then
		tap_result 0 "$3"
		return 0
	fi
	tap_result 1 "$3"
	diag "  expected '$1' (at ${_ab_a:-none}) before '$2' (at ${_ab_b:-none})"
	return 1
}

# audit_count ACTION GROUP_ID: prints the audit rows of ACTION on the
# group written by the admin.
audit_count() {
	sql "SELECT COUNT(*) FROM audit_log WHERE action = '$1'
	    AND target_type = 'user_group' AND target_id = $2
	    AND actor_id = $admin_id"
}

# audit_details ACTION GROUP_ID: prints the details of the newest such row.
audit_details() {
	sql "SELECT details FROM audit_log WHERE action = '$1'
	    AND target_type = 'user_group' AND target_id = $2
	    ORDER BY id DESC LIMIT 1"
}

# hex TEXT: prints TEXT as hexadecimal digits, for SQL literals X'...'
# that carry any bytes.
hex() {
	printf '%s' "$1" | od -An -v -tx1 | tr -d ' \n' | tr 'a-f' 'A-F'
}

# group_rows NAME: prints how many groups have exactly the bytes of NAME.
group_rows() {
	sql "SELECT COUNT(*) FROM user_groups WHERE HEX(name) = '$(hex "$1")'"
}

# repeat TEXT N: prints TEXT N times.
repeat() {
	awk -v s="$1" -v n="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'
}

# ---------------------------------------------------------------- create

request GET /admin/groups/new
is "$STATUS" 200 "new group form loads"
like 'action="/admin/groups"' "new group form posts to the list"
like 'Fields marked * are required.' "new group form explains the marker"

# Other tests create groups at the same time, so only this test's names
# (all starting with $p, or the 151 x's) are counted.
mine="(name LIKE '$p%' OR name = '$(repeat x 151)' OR description LIKE '$p%')"
groups_before=$(sql "SELECT COUNT(*) FROM user_groups WHERE $mine")
post /admin/groups --data-urlencode 'name=' \
    --data-urlencode "description=$p missing name"
is "$STATUS" 400 "missing name is rejected"
like 'Name is required.' "missing name message at the field"
like 'aria-invalid="true" aria-describedby="name-error"' \
    "name field marked invalid"
like "$p missing name" "description kept after missing name"
post /admin/groups --data-urlencode "name=$(repeat x 151)"
is "$STATUS" 400 "151-character name is rejected"
like 'Name must be at most 150 characters long.' "long name message"
post /admin/groups --data-urlencode "name=$p long description" \
    --data-urlencode "description=$(repeat d 1001)"
is "$STATUS" 400 "1001-character description is rejected"
like 'Description must be at most 1000 characters long.' \
    "long description message"
post /admin/groups --data-urlencode "name=$p line
break"
is "$STATUS" 400 "name with a line break is rejected"
is "$(sql "SELECT COUNT(*) FROM user_groups WHERE $mine")" "$groups_before" \
    "invalid groups were not saved"

# 150 characters of four bytes each fit the column and come back intact.
emoji_name="$p$(repeat '🌿' $((150 - ${#p})))"
post /admin/groups --data-urlencode "name=$emoji_name"
is "$STATUS" 303 "150-character name of 4-byte characters saved"
is "$(group_rows "$emoji_name")" 1 "4-byte name stored byte for byte"

post /admin/groups --data-urlencode "name=$p Alpha" \
    --data-urlencode "description=Première équipe, 第一"
is "$STATUS" 303 "valid group is created"
alpha=$(header_value Location)
alpha=${alpha##*/}
header_is Location "/admin/groups/$alpha" "creation redirects to the group"
request GET "/admin/groups/$alpha"
is "$STATUS" 200 "group edit page loads"
like 'User group created.' "creation message shown"
like "value=\"$p Alpha\"" "edit form shows the name"
like 'Première équipe, 第一</textarea>' "edit form shows the description"
like 'This group has 0 members.' "edit page shows the member count"
like "href=\"/admin/groups/$alpha/members\"" "edit page links to the members"
is "$(audit_count group_create "$alpha")" 1 "creation audited with the actor"

post /admin/groups --data-urlencode "name=$p Alpha"
is "$STATUS" 409 "duplicate name is rejected"
like 'Another user group already has this name.' "duplicate message"
like 'aria-describedby="name-error"' "duplicate message at the name field"
post /admin/groups --data-urlencode "name=$P ALPHA"
is "$STATUS" 409 "duplicate name in other case is rejected"
is "$(sql "SELECT COUNT(*) FROM user_groups WHERE name = '$p Alpha'")" 1 \
    "duplicates were not saved"

# ---------------------------------------------------------------- edit

post /admin/groups --data-urlencode "name=$p Beta"
beta=$(header_value Location)
beta=${beta##*/}
post "/admin/groups/$alpha" --data-urlencode "name=$p Alpha renamed" \
    --data-urlencode 'description=Second line
of text'
is "$STATUS" 303 "edit is saved"
is "$(sql "SELECT name FROM user_groups WHERE id = $alpha")" \
    "$p Alpha renamed" "new name stored"
like_details=$(audit_details group_update "$alpha")
case $like_details in
*"name: \"$p Alpha\" -> \"$p Alpha renamed\""*)
	tap_result 0 "update audit row names the old and new name" ;;
*)
	tap_result 1 "update audit row names the old and new name"
	diag "  details: $like_details" ;;
esac
is "$(audit_count group_update "$alpha")" 1 "update audited with the actor"

post "/admin/groups/$alpha" --data-urlencode "name=$p Beta"
is "$STATUS" 409 "renaming to another group's name is rejected"
like 'Another user group already has this name.' "rename duplicate message"
like 'Currently Subscribed Certifications' \
    "edit page shown again with its sections"
post "/admin/groups/$alpha" --data-urlencode 'name= '
is "$STATUS" 400 "emptying the name is rejected"
is "$(sql "SELECT name FROM user_groups WHERE id = $alpha")" \
    "$p Alpha renamed" "rejected edits changed nothing"
is "$(audit_count group_update "$alpha")" 1 "rejected edits were not audited"

request GET /admin/groups/999999999
is "$STATUS" 404 "unknown group is not found"
post /admin/groups/999999999 --data-urlencode "name=$p ghost"
is "$STATUS" 404 "saving an unknown group is not found"
request GET /admin/groups/999999999/members
is "$STATUS" 404 "members of an unknown group are not found"

# ---------------------------------------------------------------- escaping

post /admin/groups --data-urlencode "name=$p $script_xss" \
    --data-urlencode "description=$img_xss"
xss1=$(header_value Location)
xss1=${xss1##*/}
post /admin/groups --data-urlencode "name=$p $img_xss" \
    --data-urlencode "description=$script_xss"
xss2=$(header_value Location)
xss2=${xss2##*/}
is "$(group_rows "$p $script_xss")" 1 "script name stored as typed"
is "$(group_rows "$p $img_xss")" 1 "attribute-breaking name stored as typed"

for page in "/admin/groups?q=$p" "/admin/groups/$xss1" \
    "/admin/groups/$xss2" "/admin/groups/$xss1/members" \
    "/admin/groups/$xss2/members" "/admin/groups/$xss1/certifications" \
    "/admin/groups/$xss2/certifications"; do
	request GET "$page"
	unlike "$script_xss" "no raw script tag on $page"
	unlike "$img_xss" "no raw img tag on $page"
done
request GET "/admin/groups?q=$p"
like "$p $script_esc" "list shows the script name escaped"
like "$p $img_esc" "list shows the img name escaped"
request GET "/admin/groups/$xss1"
like "value=\"$p $script_esc\"" "edit form shows the script name escaped"
like ">$img_esc</textarea>" "edit form shows the img description escaped"
request GET "/admin/groups/$xss2"
like "value=\"$p $img_esc\"" "edit form shows the img name escaped"
like ">$script_esc</textarea>" \
    "edit form shows the script description escaped"
request GET "/admin/groups/$xss1/members"
like "Members of $p $script_esc" "members page shows the name escaped"
request GET "/admin/groups/$xss2/certifications"
like "Certifications that $p $img_esc does not" \
    "picker shows the name escaped"

# ---------------------------------------------------------------- list

# Three learners for the member counts here and the members page below.
add_user "$p-ann" learner 'learner pass 1' --first-name "Ann$p" \
    --last-name "Smith$p" --email "ann-$p@example.test"
add_user "$p-bob" learner 'learner pass 1' --first-name "Bob$p" \
    --last-name "Jones$p" --email "bob-$p@example.test"
add_user "$p-cid" learner 'learner pass 1' --first-name "Cid$p" \
    --last-name "Lee$p" --email "cid-$p@example.test"
ann=$(sql "SELECT id FROM users WHERE login = '$p-ann'")
bob=$(sql "SELECT id FROM users WHERE login = '$p-bob'")
cid=$(sql "SELECT id FROM users WHERE login = '$p-cid'")

# Three groups under a prefix of their own.
q="${p}L"
for n in 3 1 2; do
	post /admin/groups --data-urlencode "name=$q group $n"
done
request GET "/admin/groups?q=$q"
is "$STATUS" 200 "search loads"
like "$q group 1" "search finds group 1"
like "$q group 3" "search finds group 3"
unlike "$p Beta" "search leaves out other names"
appears_before "$q group 1" "$q group 2" "sorted by name by default"
appears_before "$q group 2" "$q group 3" "name order continues"
request GET "/admin/groups?q=$(printf '%s' "$q" | tr '[:upper:]' '[:lower:]')"
like "$q group 1" "search ignores case"
request GET "/admin/groups?q=group+1"
unlike "$q group 1" "search matches the start of the name only"
request GET "/admin/groups?q=$q&sort=name&dir=desc"
appears_before "$q group 3" "$q group 1" "name sort descending"

# Group 1 gets two members and group 2 one, through the database, so the
# member sort has distinct counts.
g1=$(sql "SELECT id FROM user_groups WHERE name = '$q group 1'")
g2=$(sql "SELECT id FROM user_groups WHERE name = '$q group 2'")
sql "INSERT INTO user_group_members (group_id, user_id, added_at)
    VALUES ($g1, $ann, NOW(6)), ($g1, $bob, NOW(6)), ($g2, $ann, NOW(6))"
request GET "/admin/groups?q=$q&sort=members&dir=desc"
sorted_members='aria-sort="descending"><a class="sort-link" href="/admin/groups?sort=members'
like "$sorted_members" \
    "member column marked as sorted descending"
appears_before "$q group 1" "$q group 2" "most members first"
appears_before "$q group 2" "$q group 3" "fewest members last"
like ">2<span class=\"visually-hidden\"> members of $q group 1</span>" \
    "member count shown in the list"
request GET "/admin/groups?q=$q&sort=members&dir=asc"
appears_before "$q group 3" "$q group 2" "member sort ascending"

# Letter index: the first letter of the name, here the run's token.
letter=$(printf '%s' "$p" | cut -c1 | tr '[:lower:]' '[:upper:]')
request GET "/admin/groups?letter=$letter&q=$q"
like "$q group 1" "letter $letter keeps matching names"
request GET "/admin/groups?letter=Z&q=$q"
unlike "$q group 1" "letter Z leaves out names starting with $letter"
like 'Nothing found' "empty result says so"

# Pages of 50: 52 groups under one more prefix.
pq="${p}P"
sql "INSERT INTO user_groups (name, created_at, updated_at)
    SELECT CONCAT('$pq ', LPAD(seq, 3, '0')), NOW(6), NOW(6)
    FROM seq_1_to_52"
request GET "/admin/groups?q=$pq"
like 'Showing 1–50' "first page shows 50 groups"
like "$pq 050" "first page ends with group 50"
unlike "$pq 051" "group 51 is on the next page"
like 'rel="next"' "first page links to the next"
request GET "/admin/groups?q=$pq&page=2"
like 'Showing 51–52' "second page shows the rest"
like "$pq 052" "second page shows group 52"
unlike "$pq 001<" "second page leaves out group 1"
like 'rel="prev"' "second page links to the previous"

# ---------------------------------------------------------------- members

members="/admin/groups/$alpha/members"

request GET "$members"
is "$STATUS" 200 "members page loads"
like 'This group has no members yet.' "empty group says so"
like "Members of $p Alpha renamed" "members page names the group"

request GET "$members?q=$p-"
like "value=\"$ann\"" "search by login start finds Ann"
like "value=\"$bob\"" "search by login start finds Bob"
like "value=\"$cid\"" "search by login start finds Cid"
request GET "$members?q=ann-$p"
like "ann-$p@example.test" "search by e-mail start finds Ann"
unlike "value=\"$bob\"" "e-mail search leaves out Bob"
request GET "$members?q=Bob$p"
like "value=\"$bob\"" "search by first name finds Bob"
unlike "value=\"$ann\"" "first-name search leaves out Ann"
request GET "$members?q=jones$p"
like "value=\"$bob\"" "search by last name ignores case"
request GET "$members?q=nn-$p"
unlike "value=\"$ann\"" "search matches the start only"

post "$members?q=$p-"
is "$STATUS" 400 "adding nobody is rejected"
like 'Select at least one user to add.' "adding nobody message"
post "$members?q=$p-" -d "user=$ann" -d "user=$bob"
is "$STATUS" 303 "adding two users redirects"
header_is Location "$members?page=1&q=$p-&qpage=1" \
    "adding returns to the search"
is "$(sql "SELECT COUNT(*) FROM user_group_members WHERE group_id = $alpha")" \
    2 "two members stored"
is "$(audit_details group_members_add "$alpha")" \
    "added user ids: $ann, $bob; " "audit row lists the users added"
is "$(audit_count group_members_add "$alpha")" 1 "adding audited with the actor"

post "$members" -d "user=$ann"
is "$STATUS" 303 "adding a member again redirects"
request GET "$members"
like 'The selected users were already members.' "adding again says so"
is "$(sql "SELECT COUNT(*) FROM user_group_members
    WHERE group_id = $alpha AND user_id = $ann")" 1 \
    "adding again keeps one row"
is "$(audit_count group_members_add "$alpha")" 1 "adding again is not audited"

request GET "$members"
like "Smith$p" "members list shows the last name"
like "$p-bob" "members list shows the login"
like "bob-$p@example.test" "members list shows the e-mail"
like 'Members 1–2 of 2' "members caption counts the members"
request GET "$members?q=$p-"
unlike "name=\"user\" type=\"checkbox\" value=\"$ann\"" \
    "search leaves out members"
like "name=\"user\" type=\"checkbox\" value=\"$cid\"" \
    "search still offers other users"
request GET "/admin/groups/$alpha"
like 'This group has 2 members.' "edit page counts the new members"

post "$members/remove" -d "member=$ann"
is "$STATUS" 400 "removal without confirmation is rejected"
like 'to confirm that the selected members leave the group.' \
    "confirmation message at the checkbox"
like 'aria-describedby="confirm-error"' "confirmation checkbox marked invalid"
like "value=\"$ann\" checked" "selection kept for the second try"
post "$members/remove" -d confirm=1
is "$STATUS" 400 "removal of nobody is rejected"
like 'Select at least one member to remove.' "removal of nobody message"
is "$(sql "SELECT COUNT(*) FROM user_group_members WHERE group_id = $alpha")" \
    2 "rejected removals removed nobody"
is "$(audit_count group_members_remove "$alpha")" 0 \
    "rejected removals were not audited"

post "$members/remove" -d "member=$ann" -d confirm=1
is "$STATUS" 303 "confirmed removal redirects"
is "$(sql "SELECT user_id FROM user_group_members WHERE group_id = $alpha")" \
    "$bob" "only Bob is left"
is "$(audit_details group_members_remove "$alpha")" \
    "removed user ids: $ann; " "audit row lists the users removed"
is "$(audit_count group_members_remove "$alpha")" 1 \
    "removal audited with the actor"
request GET "$members"
like '1 member removed from the group.' "removal message shown"

# Members are shown 50 to a page: 55 more users, added in one POST.
sql "INSERT INTO users (login, email, first_name, last_name, role,
    created_at, updated_at) SELECT CONCAT('$p-m', LPAD(seq, 2, '0')),
    '', '', CONCAT('$p-m', LPAD(seq, 2, '0')), 'learner', NOW(6), NOW(6)
    FROM seq_1_to_55"
set -- $(sql "SELECT id FROM users WHERE login LIKE '$p-m%'")
many=
for id; do
	many="$many -d user=$id"
done
# shellcheck disable=SC2086
post "$members" $many
is "$STATUS" 303 "adding 55 users at once redirects"
is "$(sql "SELECT COUNT(*) FROM user_group_members WHERE group_id = $alpha")" \
    56 "56 members stored"
request GET "$members"
like 'Members 1–50 of 56' "first page of members shows 50"
like "href=\"/admin/groups/$alpha/members?page=2\"" \
    "first page links to the next"
request GET "$members?page=2"
like 'Members 51–56 of 56' "second page shows the rest"
like "$p-m55" "second page shows the last member"
request GET "/admin/groups?q=$p+Alpha"
like ">56<span" "list counts 56 members"

# ---------------------------------------------------------------- subscriptions

# new_family NAME [ACTIVE]: creates a certification family with version 1
# and prints the family id.
new_family() {
	sql "INSERT INTO certification_families (created_at) VALUES (NOW(6));
	    SET @f = LAST_INSERT_ID();
	    INSERT INTO certifications (family_id, version, name, description,
	        active, created_at, updated_at)
	    VALUES (@f, 1, CONVERT(X'$(hex "$1")' USING utf8mb4), '',
	        ${2:-1}, NOW(6), NOW(6));
	    SELECT @f"
}

c="C$p"
f1=$(new_family "$c Forklift (old)")
sql "UPDATE certifications SET is_newest = 0 WHERE family_id = $f1;
    INSERT INTO certifications (family_id, version, name, description,
    created_at, updated_at)
    VALUES ($f1, 2, '$c Forklift', '', NOW(6), NOW(6))"
f2=$(new_family "$c Ladder" 0)
f3=$(new_family "$c $img_xss")
f4=$(new_family "$c $script_xss")
[ -n "$f1" ] && [ -n "$f4" ] || bail_out "cannot create certifications"
picker="/admin/groups/$alpha/certifications"

request GET "$picker?q=$c"
is "$STATUS" 200 "certification picker loads"
like "value=\"$f1\"" "picker offers the first family"
like "$c Forklift</td>" "picker shows the newest version's name"
unlike "$c Forklift (old)" "picker leaves out the old version"
like '<td class="num">2</td>' "picker shows the newest version number"
like '<span class="badge">Inactive</span>' "inactive certification marked"
like "$c $img_esc" "picker shows the img name escaped"
like "$c $script_esc" "picker shows the script name escaped"
unlike "$script_xss" "picker has no raw script tag"
request GET "$picker?q=$c+F"
like "value=\"$f1\"" "picker search finds the name"
unlike "value=\"$f2\"" "picker search leaves out other names"

post "$picker?q=$c"
is "$STATUS" 400 "adding no certification is rejected"
like 'Select at least one certification to add.' "adding nothing message"
post "$picker?q=$c" -d "family=$f1" -d "family=$f2"
is "$STATUS" 303 "adding certifications redirects"
header_is Location "/admin/groups/$alpha" "adding returns to the group"
is "$(sql "SELECT COUNT(*) FROM user_group_certifications
    WHERE group_id = $alpha AND auto_enroll = 0")" 2 \
    "two subscriptions stored with Auto Enroll off"
is "$(audit_details group_subscribe "$alpha")" \
    "subscribed family ids: $f1, $f2; " "audit row lists the families added"
request GET "/admin/groups/$alpha"
like 'Certifications added to the group.' "adding message shown"

post "$picker" -d "family=$f1"
is "$STATUS" 303 "adding a subscription again redirects"
is "$(sql "SELECT COUNT(*) FROM user_group_certifications
    WHERE group_id = $alpha AND family_id = $f1")" 1 \
    "adding again keeps one subscription"
is "$(audit_count group_subscribe "$alpha")" 1 "adding again is not audited"
request GET "/admin/groups/$alpha"
like 'The group already subscribes to the selected certifications.' \
    "adding again says so"

request GET "$picker?q=$c"
unlike "name=\"family\" type=\"checkbox\" value=\"$f1\"" \
    "picker leaves out subscribed families"
like "name=\"family\" type=\"checkbox\" value=\"$f3\"" \
    "picker still offers the others"
post "$picker" -d "family=$f3" -d "family=$f4"

request GET "/admin/groups/$alpha"
like 'Currently Subscribed Certifications' "subscriptions section shown"
like "href=\"/admin/certifications/" "subscription links to its certification"
like "$c Forklift</a>" "section shows the newest version's name"
unlike "$c Forklift (old)" "section leaves out the old name"
like '<span class="badge">Inactive</span>' "section marks inactive ones"
like "$c $img_esc</a>" "section shows the img name escaped"
like "$c $script_esc</a>" "section shows the script name escaped"
unlike "$script_xss" "section has no raw script tag"
unlike "$img_xss" "section has no raw img tag"
like "href=\"/admin/groups/$alpha/certifications\"" \
    "section links to the available certifications"
families="$f1 $f2 $f3 $f4"
subscriptions="/admin/groups/$alpha/subscriptions"

post "$subscriptions" --data-urlencode "families=$families" \
    -d "auto_enroll=$f1"
is "$STATUS" 303 "Auto Enroll save redirects"
is "$(sql "SELECT family_id FROM user_group_certifications
    WHERE group_id = $alpha AND auto_enroll = 1")" "$f1" \
    "Auto Enroll on for the checked one only"
is "$(audit_details group_subscriptions_update "$alpha")" \
    "auto_enroll on for family ids: $f1; " "audit row lists Auto Enroll on"
request GET "/admin/groups/$alpha"
like "Auto Enroll changed for 1 certification." "Auto Enroll message shown"
like "value=\"$f1\" checked" "Auto Enroll box shown checked"

post "$subscriptions" --data-urlencode "families=$families"
is "$(sql "SELECT COUNT(*) FROM user_group_certifications
    WHERE group_id = $alpha AND auto_enroll = 1")" 0 \
    "unchecking turns Auto Enroll off"
is "$(audit_details group_subscriptions_update "$alpha")" \
    "auto_enroll off for family ids: $f1; " "audit row lists Auto Enroll off"

post "$subscriptions" --data-urlencode "families=$families" \
    -d "auto_enroll=$f2" -d "remove=$f3"
is "$STATUS" 200 "removal asks for confirmation"
like 'Remove certifications from' "confirmation page shown"
like "<li>$c $img_esc (version 1)</li>" \
    "confirmation lists the certification, escaped"
unlike "$img_xss" "confirmation has no raw img tag"
like 'name="confirm" value="1"' "confirmation form confirms"
like "name=\"auto_enroll\" value=\"$f2\"" "confirmation keeps Auto Enroll"
is "$(sql "SELECT COUNT(*) FROM user_group_certifications
    WHERE group_id = $alpha")" 4 "nothing removed before confirmation"
is "$(sql "SELECT auto_enroll FROM user_group_certifications
    WHERE group_id = $alpha AND family_id = $f2")" 0 \
    "nothing saved before confirmation"
updates_before=$(audit_count group_subscriptions_update "$alpha")

post "$subscriptions" --data-urlencode "families=$families" \
    -d "auto_enroll=$f2" -d "remove=$f3" -d confirm=1
is "$STATUS" 303 "confirmed removal redirects"
is "$(sql "SELECT COUNT(*) FROM user_group_certifications
    WHERE group_id = $alpha AND family_id = $f3")" 0 "subscription removed"
is "$(sql "SELECT auto_enroll FROM user_group_certifications
    WHERE group_id = $alpha AND family_id = $f2")" 1 \
    "Auto Enroll saved with the removal"
is "$(audit_details group_subscriptions_update "$alpha")" \
    "auto_enroll on for family ids: $f2; removed family ids: $f3; " \
    "audit row lists the change and the removal"
is "$(audit_count group_subscriptions_update "$alpha")" \
    "$((updates_before + 1))" "removal audited once with the actor"
request GET "/admin/groups/$alpha"
like '1 certification removed.' "removal message shown"

post "$subscriptions" --data-urlencode 'families=1 x'
is "$STATUS" 400 "invalid family list is rejected"
request GET "/admin/groups?q=$p+Alpha"
like '<td class="num">3</td>' "list shows the subscription count"

# ---------------------------------------------------------------- access

learner=$(unique_name groups-learner)
add_user "$learner" learner 'learner pass 123'
use_cookie_jar learner
sign_in "$learner" 'learner pass 123'
request GET /admin/groups
is "$STATUS" 403 "learners cannot open the groups"
request GET "/admin/groups/$alpha/members"
is "$STATUS" 403 "learners cannot open the members"

done_testing
