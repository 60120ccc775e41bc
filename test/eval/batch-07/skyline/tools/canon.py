"""Canonical-form checks shared by check_pack.py and check_calls.py (EVAL-COMMON.md + DOMAIN-PACKS.md)."""
import datetime, re

PARTICLES = {"de", "la", "le", "van", "der", "den", "von", "da", "di", "du", "del", "dos", "das", "bin", "al", "y"}


def check_value(fact, value, catalogue):
    """Return None when value is the canonical form of fact (a pack fact dict), else a reason."""
    if not isinstance(value, str) or value != value.strip() or not value:
        return "not a trimmed non-empty string"
    if any(ord(ch) < 32 or 0x202a <= ord(ch) <= 0x202e or 0x2066 <= ord(ch) <= 0x2069 for ch in value):
        return "control or direction-override character"
    t = fact["type"]
    if t == "email":
        if value != value.lower() or not re.fullmatch(r"[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}", value):
            return "email not lower-case local@domain.tld"
    elif t == "phone":
        if not re.fullmatch(r"\+1[2-9]\d{2}[2-9]\d{6}", value):
            return "phone not US E.164 (+1, area code and exchange 2-9)"
        if value[5:8] != "555" or value[8:10] != "01":
            return "phone not a 555-01xx number"
    elif t == "amount":
        if not re.fullmatch(r"\d+\.\d{2} USD", value):
            return "amount not 'N.NN USD'"
    elif t == "date":
        try:
            if datetime.date.fromisoformat(value).isoformat() != value:
                return "date not YYYY-MM-DD"
        except ValueError:
            return "date not a real YYYY-MM-DD"
    elif t in ("id", "postcode"):
        if " " in value:
            return "id contains a space"
        case = fact.get("letterCase", "upper")
        if case == "upper" and value != value.upper():
            return "id not upper case"
        if case == "lower" and value != value.lower():
            return "id not lower case"
        if not re.fullmatch(fact["pattern"], value):
            return f"does not match pattern {fact['pattern']}"
        if "digits" in fact and value.isdigit() and len(value) != fact["digits"]:
            return f"digit run is not {fact['digits']} long"
    elif t == "enum":
        if value not in {v["value"] for v in fact["values"]}:
            return "not one of the enum values"
    elif t == "catalogue":
        if value not in {v["value"] for v in catalogue.get(fact["catalogue"], [])}:
            return "not in the catalogue list"
    elif t == "name":
        parts = value.split()
        if len(parts) < 2:
            return "name needs first and last name"
        for p in parts:
            if p.lower() in PARTICLES:
                continue
            if not p[0].isupper():
                return f"name part '{p}' not capitalised"
        if parts[0].rstrip(".").lower() in {"mr", "mrs", "ms", "dr", "miss", "sir"}:
            return "title in name"
    elif t == "address":
        if not re.match(r"\d", value):
            return "street address should start with the house number"
    return None
