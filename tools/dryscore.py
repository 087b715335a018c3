"""Developer aid: extract + resolve files without a database and write an observations CSV."""
import csv, sys
from datetime import date
from kospitl.articles import read_file
from kospitl.extract import extract
from kospitl.resolution import resolve
from kospitl.sessions import load
from kospitl.vocab import format_value

out = sys.argv[1]
given = {}
files = []
for a in sys.argv[2:]:
    if "=" in a:
        f, d = a.split("=")
        given[f] = date.fromisoformat(d)
        files.append(f)
    else:
        files.append(a)
with open(out, "w", newline="") as fh:
    w = csv.writer(fh)
    w.writerow(["date", "kind", "subject", "metric", "as_of", "value", "article", "approx", "rule", "evidence"])
    for f in files:
        art = read_file(f)
        ms, _ = extract(art)
        obs, probs = resolve(ms, art, load(), given.get(f))
        for o in obs:
            w.writerow([o.date, o.kind, o.subject, o.metric, o.as_of, format_value(o.value), f.split("/")[-1][:4], o.approx, o.rule, o.evidence[:80]])
        for p in probs:
            print("PROBLEM", f.split("/")[-1], p.message, file=sys.stderr)
