"""Every cell of a workbook as openpyxl reads it, in the shape of `integration-status inspect --cells --json`."""
import datetime
import json
import sys

import openpyxl
from openpyxl.utils.datetime import to_excel

wb = openpyxl.load_workbook(sys.argv[1], data_only=True)
sheets = []
for ws in wb.worksheets:
    cells = []
    for row in ws.iter_rows():
        for cell in row:
            v = cell.value
            if v is None:
                continue
            if cell.data_type == "e":
                kind, value = "error", v
            elif isinstance(v, bool):
                kind, value = "boolean", v
            elif isinstance(v, (datetime.datetime, datetime.date, datetime.time, datetime.timedelta)):
                kind, value = "date", to_excel(v)
            elif isinstance(v, (int, float)):
                kind, value = "number", v
            else:
                kind, value = "string", str(v)
            cells.append({"ref": cell.coordinate, "type": kind, "value": value, "format": cell.number_format})
    sheets.append({"name": ws.title, "state": ws.sheet_state, "cells": cells})
print(json.dumps({"status": "read", "sheets": sheets}, ensure_ascii=False))
