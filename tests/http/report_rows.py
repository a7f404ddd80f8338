"""Prints the rows of the Certification Expiration Report for the tests.

    report_rows.py grid FILE   the rows of the grid page FILE (the table's
                               body), one per line
    report_rows.py csv FILE    the records of the CSV export FILE, parsed
                               with the csv module, then "BOM yes|no" and
                               "CRLF yes|no" (every record ends with CRLF)

Cells are joined by " | ", and a line break inside a cell is written as
"\\n", so a grid row and the CSV record of the same enrolment print alike.
"""
import csv
import html.parser
import io
import sys


def line(cells):
    return " | ".join(c.replace("\n", "\\n") for c in cells)


class Grid(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.in_body = False
        self.rows = []
        self.cell = None

    def handle_starttag(self, tag, attrs):
        if tag == "tbody":
            self.in_body = True
        elif self.in_body and tag == "tr":
            self.rows.append([])
        elif self.in_body and tag == "td":
            self.cell = ""

    def handle_endtag(self, tag):
        if tag == "tbody":
            self.in_body = False
        elif tag == "td" and self.cell is not None:
            self.rows[-1].append(self.cell)
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def print_grid(path):
    grid = Grid()
    with open(path, encoding="utf-8") as f:
        grid.feed(f.read())
    for row in grid.rows:
        print(line(row))


def print_csv(path):
    with open(path, "rb") as f:
        data = f.read()
    text = data.decode("utf-8-sig")
    records = list(csv.reader(io.StringIO(text, newline="")))
    for record in records:
        print(line(record))
    # Each record ends where the writer put CRLF: rebuilding the file with
    # CRLF after every record gives back the same text.
    rebuilt = io.StringIO(newline="")
    csv.writer(rebuilt, quoting=csv.QUOTE_ALL,
               lineterminator="\r\n").writerows(records)
    print("BOM", "yes" if data.startswith(b"\xef\xbb\xbf") else "no")
    print("CRLF", "yes" if rebuilt.getvalue() == text else "no")


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("grid", "csv"):
        sys.exit("usage: report_rows.py grid|csv FILE")
    (print_grid if sys.argv[1] == "grid" else print_csv)(sys.argv[2])
