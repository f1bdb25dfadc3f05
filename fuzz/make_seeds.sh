#!/usr/bin/env bash
# Regenerates the committed seed corpora in fuzz/seeds/ from the real samples in the tree
# (tests/data/ssb, tests/data/readers, tests/data/web, data/example). Small excerpts only: the
# whole set stays well under 1 MB. scripts/fuzz.sh adds tests/data/bad/ at run time.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/fuzz/seeds"
rm -rf "$out"
mkdir -p "$out"/{csv_tokenizer,reader_csv,reader_ssb,reader_arsverk,jsonstat,pipeline,xlsx}
ex23="$root/data/example/eksempel_arsverk_2023.csv"
ex24="$root/data/example/eksempel_arsverk_2024_2025.csv"
s07459="$root/tests/data/ssb/ssb_07459_folkemengde_alder_2023_latin1.csv"
s10826="$root/tests/data/ssb/ssb_10826_bydeler_alder_2023_latin1.csv"
web="$root/tests/data/web"

# csv_tokenizer: first byte = (limit step << 2) | delimiter index (0 ';', 1 ',', 2 tab).
{ printf '\xfc'; head -n 12 "$ex24"; } > "$out/csv_tokenizer/example_2024"
{ printf '\xfc'; head -n 8 "$s07459"; } > "$out/csv_tokenizer/ssb_quoted_crlf"
{ printf '\xfe'; cat "$web/innlimt_excel.tsv"; } > "$out/csv_tokenizer/paste_tsv"
{ printf '\xfd'; printf 'a,"b ""quoted"", x",c\r\n"multi\nline",2,3\rlone cr,5,"open\n'; } > "$out/csv_tokenizer/quotes_cr"
{ printf '\x10'; head -n 3 "$ex23"; } > "$out/csv_tokenizer/small_limit"

# reader_csv / pipeline: whole small files and heads of the big ones.
cp "$web"/*.csv "$web"/*.tsv "$web"/*.png "$out/reader_csv/"
head -n 25 "$ex23" > "$out/reader_csv/example_2023_head.csv"
head -n 25 "$ex24" > "$out/reader_csv/example_2024_head.csv"
head -n 40 "$s07459" > "$out/reader_csv/ssb_07459_head.csv"
head -n 40 "$s10826" > "$out/reader_csv/ssb_10826_head.csv"
tail -n 30 "$s07459" > "$out/reader_csv/ssb_07459_tail.csv"
head -n 4 "$ex24" | sed 's/;/,/g; s/\([0-9]\),\([0-9]\)/\1.\2/g' > "$out/reader_csv/example_comma.csv"
printf '\xef\xbb\xbfkommunenummer;\xc3\xa5r;kategori;\xc3\xa5rsverk\r\n3101;2024;a;1 234,5\r\n3101;2024;b;..\r\n' > "$out/reader_csv/bom_long.csv"
# Layouts and hostile cells: English 2015 headers, reference files (long, wide),
# units in thousands format, ambiguous decimals, services "ekskl. demens", UTF-16, RTF.
printf 'Municipality,Year,Total,Min. health/social upper secondary,Higher education,Higher education with further education\n3001,2022,40.5,30.25,20,5\n' > "$out/reader_csv/english_2015.csv"
printf 'Kommune;\xc3\x85r;M\xc3\xa5ltall;\xc3\x85rsverk per 1 000 innbyggere\n3101 Halden;2024;Totalt;3,1\n3101 Halden;2024;Minimum helse- og sosialfaglig vgs;2,5\n3103;2024;M4;0,3\n' > "$out/reader_csv/reference_long.csv"
printf 'Municipality,Year,M1 per 1000,M2 per 1000,M3 per 1000,M4 per 1000\n3101,2024,3.1,2.5,1.9,0.3\n' > "$out/reader_csv/reference_wide.csv"
printf 'kommune;\xc3\xa5r;tjeneste;a;b\n3.101;2024;Psykisk helse ekskl. demens;1.250;2\n3 101 Moss;2024;Demens;1000000;2\n3101;2025;Bolig;12,5;1;;;;;;;;;;;;\n' > "$out/reader_csv/hostile_cells.csv"
{ printf '\xff\xfe'; printf 'k\0o\0m\0m\0u\0n\0e\0;\0\xe5\0r\0;\0a\0\n\0003\0001\0000\0001\0;\0002\0000\0002\0004\0;\0001\0\n\0'; } > "$out/reader_csv/utf16le.csv"
printf '{\\rtf1\\ansi kommune;\\u229?r;a\\par 3101;2024;1\\par}' > "$out/reader_csv/table.rtf"

# reader_ssb: first byte picks the header (fuzz_reader.cpp kHeads), the rest is the body.
{ printf '\x00'; sed -n '5,120p' "$s07459"; } > "$out/reader_ssb/07459_en_body"
{ printf '\x03'; sed -n '5,120p' "$s10826"; } > "$out/reader_ssb/10826_body"
{ printf '\x03'; tail -n 40 "$s10826"; } > "$out/reader_ssb/10826_tail"
{ printf '\x01'; printf '"K-3101 Halden";"0 \xe5r";236;240\r\n"K-3101 Halden";"Alle aldre";31444;31500\r\n"K-Rest Uoppgitt";"0 \xe5r";1;1\r\n"030101 Bygd\xf8y-Frogner (1988-2003)";"0 \xe5r";5;5\r\n'; } > "$out/reader_ssb/no_two_years"
{ printf '\x02'; printf '"3101 Halden";"Alle aldre";15000;16444\n"0301 Oslo";"0 \xe5r";1000;990\n'; } > "$out/reader_ssb/sex_columns"
{ printf '\x04'; printf '"3101 Halden";"Menn";"Alle aldre";"Personer";"2024";15000\r\n"3101 Halden";"Kvinner";"Alle aldre";"Personer";"2024";16444\r\n'; } > "$out/reader_ssb/long_sex"
{ printf '\x05'; cat "$web/befolkning_enkel.csv" | tail -n +2; printf '0301;2024;717710\n030101;2024;61000\n03;2024;717710\n0;2024;5550203\n'; } > "$out/reader_ssb/simple"
{ printf '\x06'; printf '3101,2023,31000\n3103,2023,"50 290"\n'; } > "$out/reader_ssb/simple_comma"

# reader_arsverk: first byte picks the header.
{ printf '\x00'; sed -n '2,40p' "$ex24" | cut -d';' -f1,2,3,4,5,6,7,8,9,10; } > "$out/reader_arsverk/wide_2024"
{ printf '\x01'; sed -n '2,40p' "$ex23"; } > "$out/reader_arsverk/wide_2023"
{ printf '\x02'; printf '3101;2023;voksne;1;2;3;4;5;15\r\n3101;2023;barn og unge;0;0;1;1;1;3\r\n'; } > "$out/reader_arsverk/disjoint_2015"
{ printf '\x03'; tail -n +2 "$web/innlimt_excel.tsv"; } > "$out/reader_arsverk/long_tsv"
{ printf '\x04'; printf '3101;2024;voksne;Lavterskeltilbud;a;10,5\n3101;2024;voksne;Lavterskeltilbud;b;-1\n3101;2024;barn og unge;Demens;c;NaN\n'; } > "$out/reader_arsverk/long_service"
{ printf '\x05'; printf '3101,2024,adults,1.5,2,3,4,5,15.5\n0301,2024,children,1,1,1,1,1,5\n'; } > "$out/reader_arsverk/comma"
{ printf '\x06'; printf '3101;2024;1;2;3;4;5\n030101;2024;1;1;1;1;1\n03;2024;5;5;5;5;5\n'; } > "$out/reader_arsverk/title"
{ printf '\x07'; printf '3101;2023;10;8;6;4;10\n3103;2023;5;6;7;8;26\n'; } > "$out/reader_arsverk/nested"

# jsonstat: the JSON-stat samples.
cp "$root"/tests/data/readers/*.json "$root/tests/data/ssb/ssb_jsonstat2_05300_sample.json" "$out/jsonstat/"

# pipeline: files joined by the separator the target splits on.
sep=$'\n--8<--\n'
{ head -n 30 "$ex24"; printf '%s' "$sep"; cat "$web/befolkning_enkel.csv"; } > "$out/pipeline/arsverk_and_population"
{ head -n 30 "$ex23"; printf '%s' "$sep"; head -n 30 "$ex24"; } > "$out/pipeline/both_schemas"
{ cat "$web/arsverk_feil_linje4.csv"; printf '%s' "$sep"; cat "$root/tests/data/readers/jsonstat_population_object_index.json"; } > "$out/pipeline/bad_row_and_jsonstat"
{ cat "$web/innlimt_excel.tsv"; printf '%s' "$sep"; cat "$web/arsverk_2023_latin1.csv"; printf '%s' "$sep"; cat "$web/ikke_en_tabell.png"; } > "$out/pipeline/three_files"
# xlsx: first byte 0 raw DEFLATE, 1 a whole file, 2 the XML of sheet 1 (fuzz_xlsx.cpp).
xl="$root/tests/data/xlsx"
python3 -c 'import sys, zlib
t = open(sys.argv[1], "rb").read()[:3000]
for name, level, strategy in (("stored", 0, zlib.Z_DEFAULT_STRATEGY), ("dynamic", 9, zlib.Z_DEFAULT_STRATEGY), ("fixed", 6, zlib.Z_FIXED)):
    c = zlib.compressobj(level, zlib.DEFLATED, -15, 9, strategy)
    open(sys.argv[2] + "/deflate_" + name, "wb").write(b"\x00" + c.compress(t) + c.flush())' "$xl/text.txt" "$out/xlsx"
for f in arsverk_2024.xlsx features.xlsx calc.ods; do { printf '\x01'; cat "$xl/$f"; } > "$out/xlsx/file_$f"; done
for n in 1 2; do { printf '\x02'; unzip -p "$xl/features.xlsx" "xl/worksheets/sheet$n.xml"; } > "$out/xlsx/sheet_$n.xml"; done
{ printf '\x02'; printf '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row><row r="2" hidden="1"><c r="A2"><v>3101</v></c><c r="B2"><v>2024</v></c><c r="C2" s="1"><v>45352</v></c></row><row r="3"><c r="A3"><v>3101</v></c><c r="B3"><v>2024</v></c><c r="C3"><v>24.350000000000001</v></c></row></sheetData><mergeCells><mergeCell ref="A1:A2"/></mergeCells></worksheet>'; } > "$out/xlsx/sheet_small.xml"
du -sh "$out"
