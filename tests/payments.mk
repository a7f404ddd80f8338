# Vouchers and purchase orders for priced certifications; included from
# Makefile.am.
fcgi_laurel_fcgi_SOURCES += fcgi/page_payment.c

nobase_dist_pkgdata_DATA += \
	templates/admin/vouchers.cs \
	templates/admin/voucher.cs \
	templates/admin/purchase_orders.cs \
	templates/admin/purchase_order_reject.cs \
	sql/0009_purchase_order_pending.sql

check_PROGRAMS += tests/unit/test_payment
TESTS += tests/unit/test_payment tests/http/payments.sh
EXTRA_DIST += tests/http/payments.sh
tests_unit_test_payment_CFLAGS = $(AM_CFLAGS) -I$(top_srcdir)/tests/unit
tests_unit_test_payment_SOURCES = tests/unit/test_payment.c
tests_unit_test_payment_LDADD = $(LAUREL_LIBS)
