#!/bin/sh
# Certificate PDFs written by worker/pdf_sample: each file passes
# qpdf --check, stays under 150 KB, and pdftotext returns every field
# exactly as given, for names in several scripts, a 200-character name,
# the built-in design and templates with background images.  Needs only
# the built pdf_sample, qpdf and poppler-utils; a test stack's variables,
# when set, are not used.
set -u

builddir=${LAUREL_BUILDDIR:-$(dirname "$0")/..}
sample=$builddir/worker/pdf_sample
dir=$(mktemp -d "${TMPDIR:-/tmp}/laurel-pdf.XXXXXX") || {
	echo "Bail out! mktemp failed"
	exit 1
}
trap 'rm -rf -- "$dir"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

n=0
failed=0

ok() {
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $n - $2"
	else
		echo "not ok $n - $2"
		failed=1
	fi
}

# The text of a PDF, without the embedding marks U+202B and U+202C that
# pdftotext puts around right-to-left text.
text_of() {
	pdftotext -enc UTF-8 "$1" - 2>/dev/null | sed 's/\xe2\x80[\xab\xac]//g'
}

# check_pdf FILE DESCRIPTION TEXT... : a valid PDF under 150 KB whose
# extracted text contains each TEXT as a whole line or inside one.
check_pdf() {
	_f=$1
	_d=$2
	shift 2
	qpdf --check "$_f" >/dev/null 2>&1
	ok $? "$_d: qpdf --check passes"
	_size=$(wc -c <"$_f")
	[ "$_size" -lt 153600 ]
	ok $? "$_d: $_size bytes, under 150 KB"
	text_of "$_f" >"$dir/text"
	for _t in "$@"; do
		grep -qF -- "$_t" "$dir/text"
		ok $? "$_d: text contains '$_t'"
	done
}

# Certificate with the built-in design: name, certification, dates,
# number, hours, code and URL.
default_cert() {
	"$sample" --out "$1" --name "$2" --certification "$3" \
	    --completed 2025-03-14 --expires 2027-03-14 --number CERT-000123 \
	    --hours 12.5 --code 7KX2-9PQM \
	    --url https://laurel.example/verify/7KX2-9PQM
}

for name in \
    'Zoë Ångström-Łukasiewicz' \
    'Αλέξανδρος Παπαδόπουλος' \
    'Анна Сергеевна Ковалёва' \
    '王小明' \
    '山田 さくら' \
    '김민준' \
    'דוד כהן' \
    'محمد علي' \
; do
	f=$dir/name.pdf
	default_cert "$f" "$name" "Сертификат · 安全 · Sécurité"
	ok $? "pdf_sample writes a certificate for $name"
	check_pdf "$f" "$name" "$name" "Сертификат · 安全 · Sécurité" \
	    "Completed on 2025-03-14" "Expires on 2027-03-14" CERT-000123 \
	    12.5 7KX2-9PQM https://laurel.example/verify/7KX2-9PQM
done

# Chinese is set in the CJK face, Greek in DejaVu; both are subsets.
default_cert "$dir/zh.pdf" '王小明' 'Safety'
pdffonts "$dir/zh.pdf" 2>/dev/null | grep -q '+WenQuanYiMicroHei.* yes yes yes'
ok $? "Chinese name embeds a subset of WenQuanYi Micro Hei"
default_cert "$dir/el.pdf" 'Αλέξανδρος' 'Safety'
pdffonts "$dir/el.pdf" 2>/dev/null | grep -q 'WenQuanYi'
ok $((! $?)) "Greek name embeds no CJK font"

# A 200-character name is shrunk, not cut: the whole name is extracted.
long=$(printf 'Maximiliana-Theodora %.0s' 1 2 3 4 5 6 7 8 9 10 | cut -c1-200)
[ ${#long} -eq 200 ]
ok $? "the long name has 200 characters"
default_cert "$dir/long.pdf" "$long" "Safety"
check_pdf "$dir/long.pdf" "200-character name" "$long"
grep -qF '…' "$dir/text"
ok $((! $?)) "200-character name is not cut with an ellipsis"

# Invalid UTF-8 is replaced, not dropped with the characters after it.
default_cert "$dir/bad.pdf" "$(printf 'Ana\377Lu')" "Safety"
check_pdf "$dir/bad.pdf" "invalid UTF-8" "Ana�Lu"

# The QR code: at least 100 filled rectangles in the page content.
qpdf --qdf --object-streams=disable "$dir/name.pdf" "$dir/qdf.pdf"
rects=$(grep -c ' re$' "$dir/qdf.pdf")
[ "$rects" -ge 100 ]
ok $? "default design draws a QR code ($rects rectangles)"

# Template: Letter portrait, a PNG background, boxes in tenths of a mm
# from the top left.  pdftotext -bbox gives each word's position in
# points: box x 200 tenths = 56.69 pt; right edge (200 + 1759) = 555.31 pt.
pdftoppm -png -r 30 -singlefile "$dir/el.pdf" "$dir/bg" 2>/dev/null
pdftoppm -jpeg -r 30 -singlefile "$dir/el.pdf" "$dir/bg" 2>/dev/null
set -- --page Letter --portrait \
    --box learner_name=200,600,1759,160,240,left \
    --box certificate_name=200,900,1759,120,160,right \
    --box completed_on=200,1200,1759,80,120,center \
    --box expires_on=200,1300,1759,80,120,center \
    --box certificate_number=200,2300,800,60,100,left \
    --box credit_hours=1159,2300,800,60,100,right \
    --box verification_code=200,2450,1759,250,100,left
for bg in png jpg; do
	f=$dir/tmpl-$bg.pdf
	"$sample" --out "$f" --name 'Zoë Ångström' \
	    --certification 'Forklift Operator' --completed 'March 14, 2025' \
	    --expires 'March 14, 2027' --number N-77 --hours 3 --code QX-4 \
	    --url https://laurel.example/verify/QX-4 \
	    --background "$dir/bg.$bg" "$@"
	ok $? "pdf_sample writes a template certificate with a $bg background"
	check_pdf "$f" "template, $bg" 'Zoë Ångström' 'Forklift Operator' \
	    'March 14, 2025' 'March 14, 2027' N-77 QX-4 \
	    https://laurel.example/verify/QX-4
	pdfinfo "$f" 2>/dev/null | grep -q '^Page size: *612 x 792 pts'
	ok $? "template, $bg: Letter portrait page"
	images=$(pdfimages -list "$f" 2>/dev/null | tail -n +3 | wc -l)
	[ "$images" -eq 1 ]
	ok $? "template, $bg: one background image"
done
pdfimages -list "$dir/tmpl-jpg.pdf" 2>/dev/null | grep -q ' jpeg '
ok $? "JPEG background embedded as JPEG"

pdftotext -bbox "$dir/tmpl-png.pdf" "$dir/bbox.html" 2>/dev/null
# word_x WORD ATTRIBUTE: the attribute (xMin or xMax) of a word's box.
word_x() {
	sed -n "s/.*$2=\"\\([0-9.]*\\)\".*>$1<.*/\\1/p" "$dir/bbox.html" |
	    head -n 1
}
near() {
	awk -v a="$1" -v b="$2" 'BEGIN { d = a - b; exit !(d < 1.5 && d > -1.5) }'
}
near "$(word_x Zoë xMin)" 56.69
ok $? "left-aligned name starts at the box's left edge"
near "$(word_x Operator xMax)" 555.31
ok $? "right-aligned certification ends at the box's right edge"

"$sample" --out "$dir/missing.pdf" --background "$dir/none.png" \
    2>"$dir/err"
[ $? -ne 0 ] && grep -q 'background image' "$dir/err"
ok $? "a missing background image is reported"

echo "1..$n"
exit $failed
