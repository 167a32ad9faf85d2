#!/usr/bin/env python3
"""Fills unfinished messages of a Qt Linguist .ts file from dictionaries of translations.

    scripts/fill_translations.py translations/tessera_de.ts DICT.py [DICT.py …]

Each DICT.py defines DE (source text → translation) and optionally NUMERUS (source → plural
forms), keyed by the source text as it appears in the .ts file (XML-escaped). Obsolete entries
are dropped. Prints what is still untranslated."""
import re
import runpy
import sys

path = sys.argv[1]
table, plurals = {}, {}
for extra in sys.argv[2:]:
    values = runpy.run_path(extra)
    table.update(values.get("DE", {}))
    plurals.update(values.get("NUMERUS", {}))
text = open(path, encoding="utf-8").read()
text = re.sub(r'\s*<message[^>]*>(?:(?!</message>).)*type="(?:vanished|obsolete)"(?:(?!</message>).)*</message>', "", text, flags=re.S)
missing = []


def fill(match):
    message = match.group(0)
    if 'type="unfinished"' not in message:
        return message
    source = re.search(r"<source>(.*?)</source>", message, re.S).group(1)
    if source in plurals:
        forms = "".join(f"\n            <numerusform>{f}</numerusform>" for f in plurals[source])
        return re.sub(r'<translation type="unfinished">.*?</translation>',
                      f"<translation>{forms}\n        </translation>", message, flags=re.S)
    if source in table:
        return re.sub(r'<translation type="unfinished">.*?</translation>',
                      f"<translation>{table[source]}</translation>", message, flags=re.S)
    missing.append(source)
    return message


text = re.sub(r"<message[^>]*>.*?</message>", fill, text, flags=re.S)
open(path, "w", encoding="utf-8").write(text)
for m in missing:
    print("untranslated:", m)
