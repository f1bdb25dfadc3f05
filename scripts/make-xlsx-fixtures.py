#!/usr/bin/env python3
"""Writes the .xlsx fixtures in tests/data/xlsx/ (and the CSV Excel saves from the same sheet),
as SpreadsheetML the way Excel writes it: [Content_Types].xml, relationships, workbook, shared
strings, styles with number formats, worksheets with inline strings, merged cells, hidden rows.
Only python3's standard library (zipfile, zlib). The figures are synthetic.

    python3 scripts/make-xlsx-fixtures.py            # rewrites tests/data/xlsx/
"""
import io
import os
import zipfile
import zlib
from xml.sax.saxutils import escape, quoteattr

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'data', 'xlsx')
NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/'

# Cell styles (cellXfs index): 0 General, 1 "0.0##" (a number format, not a date),
# 2 built-in 14 (short date), 3 custom "dd.mm.yyyy hh:mm".
STYLES = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="{NS}"><numFmts count="2"><numFmt numFmtId="164" formatCode="0.0##"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy\\ hh:mm"/></numFmts>
<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>
<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
</styleSheet>'''


def col_letters(n):
    s = ''
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


class Num:
    """A number cell: `stored` is the text Excel keeps in <v>, `shown` what it saves to CSV."""
    def __init__(self, stored, shown, style=None):
        self.stored, self.shown, self.style = stored, shown, style


class Inline:
    """An inline string cell (t="inlineStr"), as some exporters write."""
    def __init__(self, text):
        self.text = text


class Sheet:
    def __init__(self, name, rows, merges=(), hidden_rows=(), state=None):
        self.name, self.rows, self.merges, self.hidden_rows, self.state = name, rows, merges, hidden_rows, state


class Book:
    def __init__(self):
        self.strings, self.index = [], {}

    def sst(self, text):
        if text not in self.index:
            self.index[text] = len(self.strings)
            self.strings.append(text)
        return self.index[text]

    def cell_xml(self, ref, v):
        if isinstance(v, Num):
            s = f' s="{v.style}"' if v.style else ''
            return f'<c r="{ref}"{s}><v>{v.stored}</v></c>'
        if isinstance(v, Inline):
            return f'<c r="{ref}" t="inlineStr"><is><t>{escape(v.text)}</t></is></c>'
        return f'<c r="{ref}" t="s"><v>{self.sst(v)}</v></c>'

    def sheet_xml(self, sheet):
        rows = []
        width = max((len(r) for r in sheet.rows if r), default=1)
        for i, row in enumerate(sheet.rows, start=1):
            if row is None:
                continue  # Excel writes no <row> for an empty row
            cells = ''.join(self.cell_xml(f'{col_letters(j)}{i}', v) for j, v in enumerate(row, start=1)
                            if v is not None and v != '')
            hidden = ' hidden="1"' if i in sheet.hidden_rows else ''
            rows.append(f'<row r="{i}" spans="1:{width}"{hidden}>{cells}</row>')
        merges = ''
        if sheet.merges:
            merges = f'<mergeCells count="{len(sheet.merges)}">' + ''.join(
                f'<mergeCell ref="{m}"/>' for m in sheet.merges) + '</mergeCells>'
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{NS}" xmlns:r="{R_NS}">'
                f'<dimension ref="A1:{col_letters(width)}{len(sheet.rows)}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>'
                f'<sheetFormatPr defaultRowHeight="15"/><sheetData>{"".join(rows)}</sheetData>{merges}'
                '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>')


def csv_of(sheet):
    """The CSV Excel (Norwegian) saves from a sheet: ';', decimal comma, padded rows, UTF-8 BOM."""
    width = max(len(r) for r in sheet.rows if r)
    lines = []
    for row in sheet.rows:
        cells = []
        for v in (row or []) + [''] * (width - len(row or [])):
            t = v.shown if isinstance(v, Num) else v.text if isinstance(v, Inline) else v
            cells.append('"' + t.replace('"', '""') + '"' if any(c in t for c in ';"\n') else t)
        lines.append(';'.join(cells))
    return '\ufeff' + '\r\n'.join(lines) + '\r\n'


def write_xlsx(path, sheets, unseekable=False, extra=None):
    book = Book()
    parts = {}
    sheet_entries, rels = [], []
    for i, s in enumerate(sheets, start=1):
        parts[f'xl/worksheets/sheet{i}.xml'] = book.sheet_xml(s)
        state = f' state="{s.state}"' if s.state else ''
        sheet_entries.append(f'<sheet name={quoteattr(s.name)} sheetId="{i}"{state} r:id="rId{i}"/>')
        rels.append(f'<Relationship Id="rId{i}" Type="{REL}worksheet" Target="worksheets/sheet{i}.xml"/>')
    n = len(sheets)
    rels.append(f'<Relationship Id="rId{n + 1}" Type="{REL}styles" Target="styles.xml"/>')
    rels.append(f'<Relationship Id="rId{n + 2}" Type="{REL}sharedStrings" Target="sharedStrings.xml"/>')
    sst = ''.join(f'<si><t xml:space="preserve">{escape(t)}</t></si>' for t in book.strings)
    overrides = ''.join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                        for i in range(1, n + 1))
    files = {
        '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        f'{overrides}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        '_rels/.rels': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}officeDocument" Target="xl/workbook.xml"/></Relationships>',
        'xl/workbook.xml': f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{NS}" xmlns:r="{R_NS}">'
        f'<workbookPr defaultThemeVersion="166925"/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews>'
        f'<sheets>{"".join(sheet_entries)}</sheets></workbook>',
        'xl/_rels/workbook.xml.rels': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + ''.join(rels) + '</Relationships>',
        'xl/styles.xml': STYLES,
    }
    files.update(parts)
    files['xl/sharedStrings.xml'] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{NS}" '
                                     f'count="{len(book.strings)}" uniqueCount="{len(book.strings)}">{sst}</sst>')
    files.update(extra or {})
    write_zip(path, files, unseekable)


class Unseekable(io.RawIOBase):
    """A stream zipfile cannot seek back in, so it writes data descriptors after each entry."""
    def __init__(self, sink):
        self.sink = sink

    def writable(self):
        return True

    def write(self, b):
        self.sink.write(b)
        return len(b)


def write_zip(path, files, unseekable=False):
    buf = io.BytesIO()
    with zipfile.ZipFile(Unseekable(buf) if unseekable else buf, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 11, 24, 12, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode('utf-8') if isinstance(text, str) else text)
    with open(path, 'wb') as f:
        f.write(buf.getvalue())


def arsverk_sheet():
    """Wide 2024 årsverk: title, header, stored doubles with binary noise, inline strings."""
    header = ['kommunenummer', 'kommunenavn', 'år', 'målgruppe', 'a', 'b', 'c', 'd', 'e']
    data = [
        ('3101', 'Halden', 'voksne', ['24.350000000000001', '12', '3.1', '0.30000000000000004', '1.5']),
        ('3101', 'Halden', 'barn og unge', ['4.2', '6.6500000000000004', '2', '0', '0.75']),
        ('3103', 'Moss', 'voksne', ['30.199999999999999', '15.4', '5', '2.25', '1']),
        ('3103', 'Moss', 'barn og unge', ['7', '8.0500000000000007', '1.1000000000000001', '0.5', '0.25']),
        ('301', 'Oslo', 'voksne', ['250.45', '380.10000000000002', '90.5', '60.75', '45.125']),
        ('4601', 'Bergen', 'voksne', ['120.3', '150.69999999999999', '44.4', '30', '21.9']),
        ('4601', 'Bergen', 'barn og unge', ['33.333333333333336', '20', '10.1', '5.5', '2.2000000000000002']),
    ]
    rows = [['Årsverk i psykisk helse- og rusarbeid 2024 (syntetiske tall)'], None, header]
    for knr, name, group, values in data:
        row = [Num(knr, knr), Inline(name) if name == 'Moss' else name, Num('2024', '2024'), group]
        for v in values:
            shown = excel_general(v)
            row.append(Num(v, shown, style=1 if knr == '4601' else None))
        rows.append(row)
    return Sheet('Ark1', rows)


def excel_general(stored):
    """What Excel shows (and saves to CSV) for a stored double: 15 significant digits."""
    s = f'{float(stored):.15g}'
    if 'e' in s:
        s = f'{float(s):.15f}'.rstrip('0').rstrip('.')
    return s.replace('.', ',')


def features_book():
    """Merged headers, a hidden row, a date and a word where numbers belong, several sheets."""
    merged = Sheet('Ark1', [
        ['kommunenummer', 'år', 'målgruppe', 'Årsverk etter utdanningskategori'],
        ['', '', '', 'a', 'b', 'c', 'd', 'e'],
        [Num('3101', ''), Num('2024', ''), 'voksne', Num('10.5', ''), Num('2', ''), Num('1', ''), Num('0.5', ''), Num('0', '')],
        [Num('3101', ''), Num('2024', ''), 'barn og unge', Num('45352', '', style=2), Num('1', ''), Num('1', ''), Num('0', ''), Num('0', '')],
        [Num('3103', ''), Num('2024', ''), 'voksne', Num('999', ''), Num('999', ''), Num('999', ''), Num('999', ''), Num('999', '')],
        [Num('3103', ''), Num('2024', ''), 'barn og unge', Num('3', ''), Num('3', ''), 'tolv', Num('3', ''), Num('3', '')],
        [Num('3105', ''), Num('2024', ''), 'voksne', Num('45352.5', '', style=3), Num('1', ''), Num('1', ''), Num('1', ''), Num('1', '')],
    ], merges=['A1:A2', 'B1:B2', 'C1:C2', 'D1:H1'], hidden_rows=[5])
    second = Sheet('Ark 2', [
        ['kommunenummer', 'år', 'målgruppe', 'a', 'b', 'c', 'd', 'e'],
        [Num('3107', ''), Num('2024', ''), 'voksne', Num('5', ''), Num('4', ''), 'x', Num('2', ''), Num('1', '')],
    ])
    population = Sheet('Befolkning', [['kommunenummer', 'år', 'folkemengde'], [Num('3101', ''), Num('2024', ''), Num('31444', '')]])
    lookup = Sheet('Oppslag', [['kommunenummer', 'år', 'a'], [Num('3101', ''), Num('2024', ''), Num('77', '')]], state='hidden')
    notes = Sheet('Notater', [['Tallene er syntetiske og laget for testene.']])
    return [merged, second, population, lookup, notes]


def deflate_cases():
    """Raw DEFLATE streams (zlib, wbits=-15) of one text at several levels, for the inflate tests."""
    text = ''.join(f'{3000 + i};Kommune {i};2024;voksne;{i * 1.25:.2f};{i % 7};{(i * 37) % 101}\n' for i in range(600))
    text = text.encode('utf-8') + bytes(range(256)) * 8
    cases = {'text.txt': text}
    for level in (0, 1, 6, 9):
        c = zlib.compressobj(level, zlib.DEFLATED, -15, 9, zlib.Z_DEFAULT_STRATEGY)
        cases[f'text.deflate{level}'] = c.compress(text) + c.flush()
    c = zlib.compressobj(6, zlib.DEFLATED, -15, 9, zlib.Z_FIXED)
    cases['text.fixed'] = c.compress(text) + c.flush()
    return cases


def main():
    os.makedirs(OUT, exist_ok=True)
    ars = arsverk_sheet()
    notes = Sheet('Notater', [['Kilde: syntetiske tall for testene.']])
    write_xlsx(os.path.join(OUT, 'arsverk_2024.xlsx'), [ars, notes], unseekable=True)
    with open(os.path.join(OUT, 'arsverk_2024.csv'), 'w', encoding='utf-8', newline='') as f:
        f.write(csv_of(ars))
    write_xlsx(os.path.join(OUT, 'features.xlsx'), features_book())
    # A sheet of 24 MB of blanks packs to a few kB: refused as a zip bomb by its ratio.
    bomb = Sheet('Ark1', [['kommunenummer', 'år', 'a']])
    write_xlsx(os.path.join(OUT, 'bomb.xlsx'), [bomb], extra={'xl/worksheets/sheet1.xml': ' ' * (24 << 20)})
    write_zip(os.path.join(OUT, 'calc.ods'), {
        'mimetype': 'application/vnd.oasis.opendocument.spreadsheet',
        'content.xml': '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>',
    })
    for name, data in deflate_cases().items():
        with open(os.path.join(OUT, name), 'wb') as f:
            f.write(data)


if __name__ == '__main__':
    main()
