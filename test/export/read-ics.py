"""Reads every .ics given with python3-icalendar (Debian's), as a third independent parser."""
import json
import sys

from icalendar import Calendar

result = {}
for path in sys.argv[1:]:
    with open(path, "rb") as handle:
        calendar = Calendar.from_ical(handle.read())
    events = [c for c in calendar.walk("VEVENT")]
    result[path] = {
        "method": str(calendar.get("METHOD", "")),
        "events": [{"uid": str(e.get("UID")), "summary": str(e.get("SUMMARY")), "start": e.decoded("DTSTART").isoformat(), "alarms": len(e.walk("VALARM"))} for e in events],
    }
json.dump(result, sys.stdout, ensure_ascii=False)
