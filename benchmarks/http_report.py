"""The table of benchmarks/http.sh: medians of the wrk rounds per URL, with
the ratio of requests per second to the floor measured in the same run: per
round against the floor measured just before it (floor-<n>.txt beside the
round; column "floor" is their median), else against the floor's own rounds.

    python benchmarks/http_report.py RESULTS_DIR

RESULTS_DIR/<dataset>/<cache>/<label>/round-<n>.txt are wrk --latency outputs
(with the URL on their first line); RESULTS_DIR/floor/round-<n>.txt the floor's.
"""

import re
import statistics
import sys
from pathlib import Path

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def parse(path):
    text = path.read_text()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    latency = {
        pct: float(value) * UNITS[unit]
        for pct, value, unit in re.findall(
            r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\b", text, re.M
        )
    }
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    timeouts = re.search(r"timeout (\d+)", text)
    return {
        "url": text.splitlines()[0].strip(),
        "rps": rps,
        "p50": latency.get("50"),
        "p99": latency.get("99"),
        "bad": int(errors.group(1)) if errors else 0,
        "timeouts": int(timeouts.group(1)) if timeouts else 0,
    }


def medians(folder):
    paths = sorted(folder.glob("round-*.txt"))
    if not paths:
        return None
    rounds = [parse(path) for path in paths]
    # The floor measured just before each round (http.sh pairs them: the
    # machine's speed drifts over a run), so each round has its own ratio.
    floors = [folder / path.name.replace("round-", "floor-") for path in paths]
    paired = [parse(path)["rps"] for path in floors if path.exists()]
    return {
        "url": rounds[0]["url"],
        "rps": statistics.median(r["rps"] for r in rounds),
        "p50": statistics.median(r["p50"] for r in rounds),
        "p99": statistics.median(r["p99"] for r in rounds),
        "bad": sum(r["bad"] for r in rounds),
        "timeouts": sum(r["timeouts"] for r in rounds),
        "rounds": len(rounds),
        "floor": statistics.median(paired) if paired else None,
        "ratio": statistics.median(
            r["rps"] / f for r, f in zip(rounds, paired, strict=True)
        )
        if len(paired) == len(rounds)
        else None,
    }


def main(results):
    floor = medians(results / "floor")
    print(
        f"floor (bare WSGI app, same gunicorn settings): {floor['rps']:.0f} req/s, "
        f"p50 {floor['p50']:.2f} ms, p99 {floor['p99']:.2f} ms\n"
    )
    print(
        f"{'posts':>5} {'cache':5} {'page':10} {'url':32} {'req/s':>8} "
        f"{'p50 ms':>8} {'p99 ms':>8} {'floor':>6} {'× floor':>8}  notes"
    )
    for dataset in sorted(p for p in results.iterdir() if p.name != "floor"):
        if not dataset.is_dir():
            continue
        for cache in ("warm", "redis", "off", "cold"):
            if not (dataset / cache).is_dir():
                continue
            for label_dir in sorted((dataset / cache).glob("*")):
                row = medians(label_dir)
                if row is None:
                    continue
                label = label_dir.name.split("-", 1)[1]
                notes = []
                if row["bad"]:
                    notes.append(f"{row['bad']} non-2xx")
                if row["timeouts"]:
                    notes.append(f"{row['timeouts']} timeouts")
                ratio = row["ratio"] or row["rps"] / floor["rps"]
                paired = f"{row['floor']:6.0f}" if row["floor"] else f"{'-':>6}"
                print(
                    f"{dataset.name:>5} {cache:5} {label:10} {row['url'][:32]:32} "
                    f"{row['rps']:8.0f} {row['p50']:8.2f} {row['p99']:8.2f} "
                    f"{paired} {ratio:8.3f}  {', '.join(notes)}"
                )


if __name__ == "__main__":
    main(Path(sys.argv[1]))
