#!/usr/bin/env python3
"""The 简体中文 translation is finished and current.

1. translations/reclaimscope_zh_CN.ts has a translation for every message (none unfinished,
   vanished or empty), and each keeps its source's placeholders (%1, %n), HTML tags, line breaks
   and '&' accelerator letter.
2. The file is what lupdate makes from today's sources (ui/, app/ and the core's
   RS_TRANSLATE_NOOP texts, with ui/CMakeLists.txt's options): a text added, changed or removed
   without `cmake --build ... --target update_translations` (and a translation) fails here.
Usage: translations_test.py PROJECT_DIR LUPDATE LUPDATE_OPTIONS...
"""
import collections, os, re, shutil, subprocess, sys, tempfile
import xml.etree.ElementTree as ET

root, lupdate, options = sys.argv[1], sys.argv[2], sys.argv[3:]
ts_path = os.path.join(root, "translations", "reclaimscope_zh_CN.ts")
problems = []

def counts(pattern, text):
    return collections.Counter(re.findall(pattern, text))

def accelerator(text):
    m = re.search(r"&([^&\s])", text.replace("&&", ""))
    return m.group(1).lower() if m else None

tree = ET.parse(ts_path)
n = 0
for ctx in tree.getroot().iter("context"):
    name = ctx.find("name").text
    for m in ctx.iter("message"):
        n += 1
        src = m.find("source").text or ""
        t = m.find("translation")
        text = t.text or ""
        where = f"{name}: {src[:60]!r}"
        if t.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{where}: translation is {t.get('type')}")
            continue
        if not text.strip():
            problems.append(f"{where}: empty translation")
            continue
        for what, pattern in (("placeholders", r"%L?\d|%n"), ("HTML tags", r"</?[a-zA-Z0-9]+"), ("line breaks", r"\n")):
            if counts(pattern, src) != counts(pattern, text):
                problems.append(f"{where}: {what} differ: {dict(counts(pattern, src))} vs {dict(counts(pattern, text))}")
        if accelerator(src) != accelerator(text):
            problems.append(f"{where}: accelerator &{accelerator(src)} became &{accelerator(text)}")

with tempfile.TemporaryDirectory() as tmp:
    fresh = os.path.join(tmp, "fresh.ts")
    shutil.copy(ts_path, fresh)
    run = subprocess.run([lupdate, *options, *(os.path.join(root, d) for d in ("ui", "app", "core")), "-ts", fresh],
                         capture_output=True, text=True)
    if run.returncode != 0:
        problems.append(f"lupdate failed: {run.stderr.strip()}")
    elif open(fresh, encoding="utf-8").read() != open(ts_path, encoding="utf-8").read():
        found = re.search(r"Found.*", run.stdout)
        problems.append("translations/reclaimscope_zh_CN.ts is not what lupdate makes from the sources "
                        f"({found.group(0) if found else run.stdout.strip()}): run "
                        "`cmake --build --preset dev --target update_translations` and translate the new texts")

for p in problems:
    print("FAIL:", p)
print(f"{n} messages, {len(problems)} problems")
sys.exit(1 if problems else 0)
