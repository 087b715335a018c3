"""Developer aid: show figures, entities and mentions for one sentence."""
import sys
from datetime import date
from kospitl.articles import parse
from kospitl.extract import extract, _read
from kospitl.resolution import resolve
from kospitl.sessions import load
text = sys.argv[1]
pub = sys.argv[2] if len(sys.argv) > 2 else "Published: 02 Jan. 2026, 18:00"
s = _read(text, 0)
print("FIG", [(f.unit, str(f.value), f.text, f.approx) for f in s.figures])
print("ENT", [(e.type, e.subject, text[e.start:e.end]) for e in s.entities])
print("DATES", [(d.form, d.text, d.comparison) for d in s.dates], "TIMES", [(t.form, t.as_of) for t in s.times])
print("CLAUSES", [text[a:b] for a, b in s.clauses])
art = parse("Title\n" + pub + "\n\n" + text + "\n")
ms, _ = extract(art)
obs, probs = resolve(ms, art, load())
for o in obs: print(" ", o.date, o.kind, o.subject, o.metric, o.as_of, o.value, o.approx, o.rule)
for p in probs: print("  PROBLEM", p.message)
