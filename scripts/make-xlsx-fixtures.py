#!/usr/bin/env python3
"""Writes the .xlsx fixtures in tests/data/xlsx/ (and the CSV Excel saves from the same sheet),
as SpreadsheetML the way Excel writes it: [Content_Types].xml, relationships, workbook, shared
strings, styles with number formats, worksheets with inline strings, merged cells, hidden rows.
Only python3's standard library (zipfile, zlib). The figures are synthetic.

    python3 scripts/make-xlsx-fixtures.py    # rewrites tests/data/xlsx/ and the workbooks in tests/data/bad/
"""
import io
import os
import zipfile
import zlib
from xml.sax.saxutils import escape, quoteattr

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'data', 'xlsx')
BAD = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'data', 'bad')
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


class Raw:
    """Cell XML written as given: '{ref}' becomes the cell's reference, '{row}' its row number."""
    def __init__(self, xml):
        self.xml = xml


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
        if isinstance(v, Raw):
            return v.xml.replace('{ref}', ref).replace('{row}', ref.lstrip('ABCDEFGHIJKLMNOPQRSTUVWXYZ'))
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


def write_xlsx(path, sheets, unseekable=False, extra=None, styles=STYLES):
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
        'xl/styles.xml': styles,
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
    # Two sheets of figures: the file's limits hold for both together.
    write_xlsx(os.path.join(OUT, 'two_sheets.xlsx'), [
        Sheet('Voksne', [HEADER_2024, wide_row('3101', 'voksne', ['10', '2', '1', '0.5', '0']),
                         wide_row('3103', 'voksne', ['4', '1', '1', '1', '0'])]),
        Sheet('Barn og unge', [HEADER_2024, wide_row('3101', 'barn og unge', ['1', '2', '1', '0.5', '0']),
                               wide_row('3103', 'barn og unge', ['2', '1', '1', '1', '1'])])])
    bad_workbooks(BAD)
    for name, data in deflate_cases().items():
        with open(os.path.join(OUT, name), 'wb') as f:
            f.write(data)

# --- Workbooks for the bad-file catalogue (tests/data/bad/manifest.json) ---------------------

HEADER_2024 = ['kommunenummer', 'år', 'målgruppe', 'a', 'b', 'c', 'd', 'e']

# STYLES and three more cell styles: 4 built-in 9 ("0%"), 5 built-in 10 ("0.00%"),
# 6 custom "0.0 %" (a percent sign after a quoted space).
PERCENT_STYLES = STYLES.replace('<numFmts count="2">', '<numFmts count="3">').replace(
    '</numFmts>', '<numFmt numFmtId="166" formatCode="0.0&quot; &quot;%"/></numFmts>').replace(
    '<cellXfs count="4">', '<cellXfs count="7">').replace(
    '</cellXfs>', '<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>')


def n(v, style=None):
    return Num(v, '', style)


def wide_row(knr, group, values, year='2024'):
    return [n(knr), n(year), group] + [v if isinstance(v, (Raw, Num, Inline)) or v == '' else n(v) for v in values]


def formula_books(out):
    """A formula with no saved value (openpyxl writes <v></v> or no <v>; Excel a shared formula's
    other cells as <f t="shared" si="0"/>) in a column of figures."""
    rows = [HEADER_2024,
            wide_row('3101', 'voksne', ['10', '2', '1', '0.5', '0']),
            wide_row('3103', 'voksne', ['4', '1', Raw('<c r="{ref}"><f>B3+1</f><v></v></c>'), '1', '0'])]
    write_xlsx(os.path.join(out, 'xlsx_formula_no_value.xlsx'), [Sheet('Ark1', rows)])
    long_rows = [['kommunenummer', 'år', 'målgruppe', 'kategori', 'årsverk'],
                 [n('3101'), n('2024'), 'voksne', 'a', n('10')],
                 [n('3101'), n('2024'), 'voksne', 'b', Raw('<c r="{ref}"><f>E2*0.2</f></c>')],
                 [n('3103'), n('2024'), 'voksne', 'a', n('4')]]
    write_xlsx(os.path.join(out, 'xlsx_formula_no_value_long.xlsx'), [Sheet('Årsverk 2024', long_rows)])
    shared = [HEADER_2024 + ['sum'],
              wide_row('3101', 'voksne', ['10', '2', '1', '0.5', '0', Raw('<c r="{ref}"><f t="shared" ref="I2:I3" si="0">SUM(D2:H2)</f></c>')]),
              wide_row('3103', 'voksne', ['4', '1', '1', Raw('<c r="{ref}"><f t="shared" si="1"/></c>'), '0', Raw('<c r="{ref}"><f t="shared" si="0"/></c>')])]
    write_xlsx(os.path.join(out, 'xlsx_formula_no_value_shared.xlsx'), [Sheet('Ark1', shared)])


def percent_books(out):
    """Figures formatted as percent: Excel shows 0,1 as «10 %»."""
    rows = [HEADER_2024,
            wide_row('3101', 'voksne', ['10', '2', '1', '0.5', '0']),
            wide_row('3103', 'voksne', [n('0.1', 4), '1', '1', '1', '0'])]
    write_xlsx(os.path.join(out, 'xlsx_percent_fte.xlsx'), [Sheet('Ark1', rows)], styles=PERCENT_STYLES)
    rows = [HEADER_2024,
            wide_row('3101', 'voksne', ['10', '2', '1', '0.5', '0']),
            wide_row('3103', 'voksne', ['3', '1', '1', '1', n('0.255', 6)])]
    write_xlsx(os.path.join(out, 'xlsx_percent_fte_custom.xlsx'), [Sheet('Ark1', rows)], styles=PERCENT_STYLES)
    long_rows = [['kommunenummer', 'år', 'målgruppe', 'kategori', 'årsverk'],
                 [n('3101'), n('2024'), 'voksne', 'a', n('10')],
                 [n('3103'), n('2024'), 'voksne', 'a', n('0.0525', 5)]]
    write_xlsx(os.path.join(out, 'xlsx_percent_fte_long.xlsx'), [Sheet('Ark1', long_rows)], styles=PERCENT_STYLES)


def duplicate_cell_books(out):
    """One cell written twice: Excel never does; another program (or damage) did."""
    rows = [HEADER_2024,
            wide_row('3101', 'voksne', ['10', '2', '1', '0.5', '0']),
            wide_row('3103', 'voksne', ['4', Raw('<c r="{ref}"><v>1</v></c><c r="{ref}"><v>7</v></c>'), '1', '1', '0'])]
    write_xlsx(os.path.join(out, 'xlsx_duplicate_cell.xlsx'), [Sheet('Ark1', rows)])
    # The second cell has no reference: it is the one after E3, which is written again.
    rows = [HEADER_2024,
            wide_row('3101', 'voksne', ['10', '2', '1', '0.5', '0']),
            wide_row('3103', 'voksne', ['4', Raw('<c r="{ref}"><v>1</v></c><c><v>2</v></c>'),
                                        Raw('<c r="{ref}"><v>5</v></c>'), '1', '0'])]
    write_xlsx(os.path.join(out, 'xlsx_duplicate_cell_implicit.xlsx'), [Sheet('Ark1', rows)])
    rows = [HEADER_2024,
            wide_row('3101', 'voksne', ['10', '2', '1', '0.5', '0']),
            [n('3103'), n('2024'), Raw('<c r="{ref}" t="inlineStr"><is><t>voksne</t></is></c><c r="C{row}" t="inlineStr"><is><t>barn og unge</t></is></c>'),
             n('4'), n('1'), n('1'), n('1'), n('0')]]
    write_xlsx(os.path.join(out, 'xlsx_duplicate_cell_text.xlsx'), [Sheet('Ark 1', rows)])


def decimal_books(out):
    """Text cells typed with '.' among number cells: Excel shows the number 24.35 as «24,35», which
    says nothing about how the text cells were typed."""
    rows = [HEADER_2024,
            wide_row('3101', 'voksne', ['24.35', '12.5', '3.1', '0.3', '1.5']),
            wide_row('3103', 'voksne', ['30.2', Inline('1.250'), '5', '2.25', '1'])]
    write_xlsx(os.path.join(out, 'xlsx_text_decimal_point.xlsx'), [Sheet('Ark1', rows)])
    rows = [HEADER_2024,
            wide_row('3101', 'voksne', ['24.35', '12.5', Inline('3.5'), '0.3', '1.5']),
            wide_row('3103', 'voksne', ['30.2', Inline('1.250'), '5', '2.25', '1'])]
    write_xlsx(os.path.join(out, 'xlsx_text_decimal_point_typed.xlsx'), [Sheet('Ark1', rows)])
    long_rows = [['kommunenummer', 'år', 'målgruppe', 'kategori', 'årsverk'],
                 [n('3101'), n('2024'), 'voksne', 'a', n('1.125')],
                 [n('3101'), n('2024'), 'voksne', 'b', Inline('2.5')],
                 [n('3103'), n('2024'), 'voksne', 'a', n('2.75')]]
    write_xlsx(os.path.join(out, 'xlsx_number_cell_three_decimals.xlsx'), [Sheet('Ark1', long_rows)])


def empty_far_cells_books(out):
    """Empty cells far to the right (formatted, or an empty string): never a column of the table."""
    rows = [HEADER_2024,
            wide_row('3101', 'voksne', ['10', '2', '1', '0.5', '0']) + [Raw('<c r="XFD{row}" s="1"/>')],
            wide_row('3103', 'voksne', ['4', '1', '1', '1', '0']) + [Raw('<c r="XFD{row}" s="1"/>')]]
    write_xlsx(os.path.join(out, 'xlsx_formatted_empty_xfd.xlsx'), [Sheet('Ark1', rows)])
    rows = [HEADER_2024 + [Raw('<c r="AAA{row}" t="inlineStr"><is><t></t></is></c>')],
            wide_row('3101', 'voksne', ['10', '2', '1', '0.5', '0']) + [Raw('<c r="XFC{row}" s="2"><v></v></c>')],
            wide_row('3103', 'voksne', ['4', '1', '1', '1', '0']) + [Raw('<c r="XFA{row}" t="s"><v>0</v></c>')]]
    # Shared string 0 is the header's first text, so XFA3 is not empty: that row is too wide.
    write_xlsx(os.path.join(out, 'xlsx_empty_far_cells.xlsx'), [Sheet('Ark1', rows)])


def shared_part_book(path, sheets=255, part_bytes=1 << 20):
    """Every sheet points to one part: a small file whose part would be read once per sheet."""
    head = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{NS}"><sheetData>'
            '<row r="1"><c r="A1" t="inlineStr"><is><t>kommunenummer</t></is></c><c r="B1" t="inlineStr"><is><t>år</t></is></c>'
            '<c r="C1" t="inlineStr"><is><t>målgruppe</t></is></c>'
            + ''.join(f'<c r="{c}1" t="inlineStr"><is><t>{k}</t></is></c>' for c, k in zip('DEFGH', 'abcde')) + '</row>')
    rows, r = [], 2
    while len(head) + sum(map(len, rows)) < part_bytes - 200:
        # No references: each row and cell is the one after the last, as the format allows.
        group = 'voksne' if r % 2 else 'barn og unge'
        rows.append(f'<row><c><v>3101</v></c><c><v>2024</v></c><c t="inlineStr"><is><t>{group}</t></is></c>'
                    + ''.join(f'<c><v>{k + 1}</v></c>' for k in range(5)) + '</row>')
        r += 1
    part = head + ''.join(rows) + '</sheetData></worksheet>'
    entries = ''.join(f'<sheet name="Ark{i}" sheetId="{i}" r:id="rId1"/>' for i in range(1, sheets + 1))
    write_zip(path, {
        '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        'xl/workbook.xml': f'<workbook xmlns="{NS}" xmlns:r="{R_NS}"><sheets>{entries}</sheets></workbook>',
        'xl/_rels/workbook.xml.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        'xl/worksheets/sheet1.xml': part,
    })


def utf16_books(out):
    """XML parts in UTF-16 (allowed by Open Packaging; some exporters write them)."""
    rows = [HEADER_2024, wide_row('3101', 'voksne', ['10', '2', '1', '0.5', '0']),
            wide_row('3103', 'voksne', ['4', '1', '1', '1', '0'])]
    book = Book()
    xml = book.sheet_xml(Sheet('Ark1', rows)).replace('encoding="UTF-8"', 'encoding="UTF-16"')
    for name, codec in (('xlsx_utf16le_sheet.xlsx', 'utf-16'), ('xlsx_utf16be_sheet.xlsx', 'utf-16-be')):
        data = xml.encode(codec)
        if codec == 'utf-16-be':
            data = b'\xfe\xff' + data
        write_xlsx(os.path.join(out, name), [Sheet('Ark1', rows)], extra={'xl/worksheets/sheet1.xml': data})
    # No byte order mark: not text Excel can read either.
    write_xlsx(os.path.join(out, 'xlsx_utf16_sheet_no_bom.xlsx'), [Sheet('Ark1', rows)],
               extra={'xl/worksheets/sheet1.xml': xml.encode('utf-16-le')})


def patch_sizes(data, part, size):
    """The declared (unpacked) size of `part` in its local header and the central directory."""
    b = bytearray(data)
    name = part.encode()
    for sig, off in ((b'PK\x03\x04', 22), (b'PK\x01\x02', 24)):
        at = 0
        while True:
            at = b.find(sig, at)
            if at < 0:
                break
            name_at = at + (30 if sig == b'PK\x03\x04' else 46)
            if b[name_at:name_at + len(name)] == name:
                b[at + off:at + off + 4] = size.to_bytes(4, 'little')
            at += 4
    return bytes(b)


def damaged_books(out):
    """A small part whose declared size is wrong: damage, not a zip bomb."""
    rows = [HEADER_2024, wide_row('3101', 'voksne', ['10', '2', '1', '0.5', '0'])]
    tmp = os.path.join(out, 'tmp.xlsx')
    write_xlsx(tmp, [Sheet('Ark1', rows)])
    with open(tmp, 'rb') as f:
        good = f.read()
    os.remove(tmp)
    # Declared 500 bytes, unpacks to more.
    with open(os.path.join(out, 'xlsx_damaged_part_small.xlsx'), 'wb') as f:
        f.write(patch_sizes(good, 'xl/worksheets/sheet1.xml', 500))
    # Declared 300 MB in a part of a few hundred packed bytes: more than DEFLATE can hold.
    with open(os.path.join(out, 'xlsx_damaged_part_huge_size.xlsx'), 'wb') as f:
        f.write(patch_sizes(good, 'xl/worksheets/sheet1.xml', 300 << 20))
    # Declared 5 MB (below the budget, above the ratio floor): impossible for its packed size.
    with open(os.path.join(out, 'xlsx_damaged_part_ratio.xlsx'), 'wb') as f:
        f.write(patch_sizes(good, 'xl/worksheets/sheet1.xml', 5 << 20))


def cfb(streams, sector=512):
    """A compound file (MS-CFB, version 3) holding `streams` (name → bytes, each ≥ 4096 bytes so
    no mini stream is needed), the directory in the last sector."""
    ENDOFCHAIN, FREESECT, FATSECT, NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    body, fat, starts = b'', [FATSECT], []
    for name, data in streams:
        data += b'\0' * (-len(data) % sector)
        first = len(fat)
        count = len(data) // sector
        fat += [first + i + 1 for i in range(count - 1)] + [ENDOFCHAIN]
        starts.append(first)
        body += data
    directory_sector = len(fat)
    fat.append(ENDOFCHAIN)
    assert len(fat) <= sector // 4
    fat += [FREESECT] * (sector // 4 - len(fat))

    def entry(name, kind, child=NOSTREAM, right=NOSTREAM, start=ENDOFCHAIN, size=0):
        encoded = name.encode('utf-16-le') + b'\0\0'
        return (encoded.ljust(64, b'\0') + len(encoded).to_bytes(2, 'little') + bytes([kind, 1])
                + NOSTREAM.to_bytes(4, 'little') + right.to_bytes(4, 'little') + child.to_bytes(4, 'little')
                + b'\0' * 16 + b'\0' * 4 + b'\0' * 16 + start.to_bytes(4, 'little') + size.to_bytes(8, 'little'))
    entries = entry('Root Entry', 5, child=1)
    for i, (name, data) in enumerate(streams):
        right = i + 2 if i + 1 < len(streams) else NOSTREAM
        entries += entry(name, 2, right=right, start=starts[i], size=len(data))
    entries = entries.ljust(sector, b'\0')
    header = (b'\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1' + b'\0' * 16 + (0x3E).to_bytes(2, 'little') + (3).to_bytes(2, 'little')
              + b'\xFE\xFF' + (9).to_bytes(2, 'little') + (6).to_bytes(2, 'little') + b'\0' * 6
              + (0).to_bytes(4, 'little') + (1).to_bytes(4, 'little') + directory_sector.to_bytes(4, 'little')
              + (0).to_bytes(4, 'little') + (4096).to_bytes(4, 'little') + ENDOFCHAIN.to_bytes(4, 'little')
              + (0).to_bytes(4, 'little') + ENDOFCHAIN.to_bytes(4, 'little') + (0).to_bytes(4, 'little')
              + (0).to_bytes(4, 'little') + FREESECT.to_bytes(4, 'little') * 108)
    assert len(header) == 512
    return header + b''.join(x.to_bytes(4, 'little') for x in fat) + body + entries


def encrypted_books(out):
    """What Excel saves with «Encrypt with Password»: a compound file with EncryptionInfo and
    EncryptedPackage streams (the package bytes here are pseudo-random, not a real cipher text)."""
    info = (b'\x04\x00\x04\x00\x40\x00\x00\x00' + b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
            b'<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"><keyData saltSize="16" '
            b'blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" '
            b'hashAlgorithm="SHA512"/></encryption>').ljust(4096, b'\0')
    state = 12345

    def noise(count):
        nonlocal state
        out_bytes = bytearray()
        for _ in range(count):
            state = (state * 1103515245 + 12345) & 0x7FFFFFFF
            out_bytes.append(state >> 16 & 0xFF)
        return bytes(out_bytes)
    small = cfb([('EncryptionInfo', info), ('EncryptedPackage', (9000).to_bytes(8, 'little') + noise(9000))])
    with open(os.path.join(out, 'xlsx_encrypted.xlsx'), 'wb') as f:
        f.write(small)
    # The directory (with the stream names) after 56 KB of package: far beyond the first bytes.
    large = cfb([('EncryptionInfo', info), ('EncryptedPackage', (56000).to_bytes(8, "little") + noise(56000))])
    with open(os.path.join(out, 'xlsx_encrypted_large.xlsx'), 'wb') as f:
        f.write(large)


def bad_workbooks(out):
    formula_books(out)
    percent_books(out)
    duplicate_cell_books(out)
    decimal_books(out)
    empty_far_cells_books(out)
    shared_part_book(os.path.join(out, 'xlsx_255_sheets_one_part.xlsx'))
    utf16_books(out)
    damaged_books(out)
    encrypted_books(out)
    # Sheets without a cell: said to be empty sheets, not «the file is empty».
    write_xlsx(os.path.join(out, 'xlsx_empty_sheets.xlsx'), [Sheet('Ark1', [None]), Sheet('Ark2', [None, None])])


if __name__ == '__main__':
    main()
