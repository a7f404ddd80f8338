# Tests and data files of the groups pages; included from Makefile.am.
nobase_dist_pkgdata_DATA += \
	templates/admin/groups.cs \
	templates/admin/group.cs \
	templates/admin/group_members.cs \
	templates/admin/group_certifications.cs \
	templates/admin/group_subscriptions_confirm.cs

TESTS += tests/http/groups.sh
EXTRA_DIST += tests/http/groups.sh
