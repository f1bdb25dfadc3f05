#!/usr/bin/env python3
"""Writes the .xlsx cases of sum rows and repeated headers in the bad-file catalogue
(tests/data/bad/sum_row_workbook.xlsx, repeated_header_workbook.xlsx) with the workbook writer of
scripts/make-xlsx-fixtures.py. The figures are synthetic.

    python3 scripts/make-sum-row-workbooks.py
"""
import importlib.util
import os

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location('xlsx_fixtures', os.path.join(HERE, 'make-xlsx-fixtures.py'))
fx = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fx)
OUT = os.path.join(HERE, '..', 'tests', 'data', 'bad')


def nums(*values):
    return [fx.Num(v, v) for v in values]


def main():
    header = ['kommunenummer', 'år', 'målgruppe', 'a', 'b', 'c', 'd', 'e']
    halden = [['3101', fx.Num('2024', '2024'), 'voksne'] + nums('10', '5', '3', '2', '1'),
              ['3101', fx.Num('2024', '2024'), 'barn og unge'] + nums('4', '2', '1', '1', '0')]
    sums = fx.Sheet('Ark1', [header] + halden + [['3101 I alt', fx.Num('2024', '2024'), ''] + nums('14', '7', '4', '3', '1')])
    fx.write_xlsx(os.path.join(OUT, 'sum_row_workbook.xlsx'), [sums])
    reordered = ['målgruppe', 'e', 'd', 'c', 'b', 'a', 'år', 'kommunenummer']
    pasted = fx.Sheet('Ark1', [header, halden[0], None, reordered,
                               ['barn og unge'] + nums('0', '1', '1', '2', '4') + [fx.Num('2024', '2024'), '3101']])
    fx.write_xlsx(os.path.join(OUT, 'repeated_header_workbook.xlsx'), [pasted])


if __name__ == '__main__':
    main()
