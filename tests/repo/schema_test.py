#!/usr/bin/env python3
"""resources/scenario.schema.json accepts every built-in scenario and every good test scenario,
and refuses the bad ones it can judge (the forms of title and explanation). The loader has the
last word (tests/core); this keeps the schema editors use in step with it.
Usage: schema_test.py SOURCE_DIR. Exit 77 (skipped) without the Python jsonschema module."""
import glob
import json
import os
import sys

try:
    import jsonschema
except ImportError:
    print("schema_test: the Python module jsonschema is not installed; skipped")
    sys.exit(77)

root = sys.argv[1]
schema = json.load(open(os.path.join(root, "resources", "scenario.schema.json"), encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)

def errors(path):
    with open(path, encoding="utf-8") as f:
        return list(validator.iter_errors(json.load(f)))

good = sorted(glob.glob(os.path.join(root, "resources", "scenarios", "*.json")) +
              glob.glob(os.path.join(root, "tests", "data", "scenarios", "good", "*.json")))
# The bad files about the text forms: a title of the wrong type, an object without "en", an
# unknown language, a translation that is not a string, a translated title too long.
bad_names = ["24-title-wrong-type", "38-text-without-en", "39-unknown-language",
             "40-translation-not-a-string", "41-translated-title-too-long"]
bad = [os.path.join(root, "tests", "data", "scenarios", "bad", n + ".json") for n in bad_names]

failed = 0
for path in good:
    for e in errors(path)[:1]:
        print(f"FAIL: {path}: refused at /{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}")
        failed += 1
for path in bad:
    if not errors(path):
        print(f"FAIL: {path}: accepted")
        failed += 1
if len(good) < 16:
    print(f"FAIL: only {len(good)} good scenarios found")
    failed += 1
print(f"schema_test: {len(good)} good and {len(bad)} bad scenarios checked, {failed} failures")
sys.exit(1 if failed else 0)
