"""Every console text exists in English and Vietnamese: both message files have the same keys
(tsc also refuses a missing one), every error code has words in both, no text is empty, and every
literal key the console passes to t() exists."""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
I18N = ROOT / "console" / "src" / "i18n"
SRC = ROOT / "console" / "src"
ENTRY = re.compile(r'^\s*"?([\w.]+)"?:\s*"((?:[^"\\]|\\.)*)",?\s*$', re.MULTILINE)


def entries(text: str) -> dict[str, str]:
    return {key: value for key, value in ENTRY.findall(text)}


def block(text: str, name: str) -> str:
    start = text.index(f"export const {name}")
    return text[start : text.index("\n}", start)]


def test_english_and_vietnamese_have_the_same_keys_and_no_empty_text():
    en = entries(block((I18N / "en.ts").read_text(), "en"))
    vi = entries(block((I18N / "vi.ts").read_text(), "vi"))
    assert len(en) > 300
    assert sorted(set(en) - set(vi)) == [], "missing in Vietnamese"
    assert sorted(set(vi) - set(en)) == [], "missing in English"
    assert [k for k, v in {**en, **vi}.items() if not v.strip()] == []


def test_every_api_error_code_has_words_in_both_languages():
    schema = json.loads((ROOT / "openapi" / "openapi.json").read_text())
    codes = set(schema["components"]["schemas"]["ErrorCode"]["enum"])
    text = (I18N / "errors.ts").read_text()
    assert set(entries(block(text, "errorsEn"))) == codes
    assert set(entries(block(text, "errorsVi"))) == codes


def test_placeholders_are_the_same_in_both_languages():
    en = entries(block((I18N / "en.ts").read_text(), "en"))
    vi = entries(block((I18N / "vi.ts").read_text(), "vi"))
    holes = re.compile(r"\{(\w+)\}")
    differ = {k for k in en if set(holes.findall(en[k])) != set(holes.findall(vi.get(k, "")))}
    assert differ == set()


def test_every_literal_key_the_console_uses_exists():
    en = entries(block((I18N / "en.ts").read_text(), "en"))
    used = set()
    for path in [*SRC.rglob("*.tsx"), *SRC.rglob("*.ts")]:
        if "i18n" not in path.parts:
            used |= set(re.findall(r'\bt\("([\w.]+)"', path.read_text()))
    assert len(used) > 150
    assert sorted(used - set(en)) == []
