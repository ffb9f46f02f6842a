#!/usr/bin/python3
"""Turns the raw measurements of tools/bench.sh into the Markdown results table.

Input: a TSV of `figure  side  run  value` lines (side: onnx, tf, or a peer: torch, cv), one per
process run. Output (stdout): the header file given, the table of medians (figure, hcr, each peer,
hcr's ratio to each peer, target, met), then every raw value, so a reader can judge the spread
behind each median.

    report.py RAW.tsv --images N [--photos P] [--large-images M] [--header FILE]
"""
import argparse
import collections
import statistics
import sys

HIGHER, LOWER = "higher", "lower"
PEERS = ("torch", "cv")


class Figure:
    def __init__(self, title, unit, better, digits=0):
        self.title, self.unit, self.better, self.digits = title, unit, better, digits

    def format(self, value):
        return f"{value:,.{self.digits}f}"


FIGURES = {
    "e2e-png28": Figure("End to end, {images:,} 28x28 PNGs", "images/s", HIGHER),
    "e2e-jpg128": Figure("End to end, {images:,} 128x128 JPEGs", "images/s", HIGHER),
    "e2e-phone": Figure("End to end, {photos:,} 4032x3024 phone JPEGs", "images/s", HIGHER, digits=1),
    "acc-phone": Figure("Accuracy on the phone JPEGs", "%", HIGHER, digits=1),
    "model-b1": Figure("Model only, batch 1", "images/s", HIGHER),
    "model-b256": Figure("Model only, batch 256", "images/s", HIGHER),
    "startup": Figure("Start-up to first result, 1 image", "s", LOWER, digits=2),
    "rss-png28": Figure("Peak RSS, end to end on the PNGs", "MB", LOWER),
    "rss-jpg128": Figure("Peak RSS, end to end on the JPEGs", "MB", LOWER),
    "rss-phone": Figure("Peak RSS, end to end on the phone JPEGs", "MB", LOWER),
    "e2e-large": Figure("End to end, {large_images:,} 28x28 PNGs", "images/s", HIGHER),
    "rss-large": Figure("Peak RSS, {large_images:,} 28x28 PNGs", "MB", LOWER),
    "train": Figure("Training, batch 128", "images/s", HIGHER),
}


class AtLeastTimes:
    """hcr at least `factor` times better than each named peer."""

    def __init__(self, **factors):
        self.factors = factors

    def text(self, figure):
        return ", ".join(f">= {factor:g}x {peer}" for peer, factor in self.factors.items())

    def met(self, hcr, ratios):
        return all(ratios.get(peer) is not None and ratios[peer] >= factor for peer, factor in self.factors.items())


class AtMost:
    def __init__(self, limit):
        self.limit = limit

    def text(self, figure):
        return f"<= {figure.format(self.limit)} {figure.unit}"

    def met(self, hcr, ratios):
        return hcr <= self.limit


class Below:
    def __init__(self, limit):
        self.limit = limit

    def text(self, figure):
        return f"< {figure.format(self.limit)} {figure.unit}"

    def met(self, hcr, ratios):
        return hcr < self.limit


# The issues' "Done when" targets (issue 18 for onnx end to end and start-up); rows without one are
# reported for information.
ROWS = [
    ("e2e-png28", "onnx", AtLeastTimes(torch=4.0, cv=1.5)),
    ("e2e-png28", "tf", AtLeastTimes(torch=1.5)),
    ("e2e-jpg128", "onnx", AtLeastTimes(torch=4.0, cv=1.5)),
    ("e2e-jpg128", "tf", AtLeastTimes(torch=1.5)),
    ("e2e-phone", "onnx", AtLeastTimes(cv=2.0)),
    ("e2e-phone", "tf", None),
    ("acc-phone", "onnx", None),
    ("acc-phone", "tf", None),
    ("model-b1", "onnx", None),
    ("model-b1", "tf", None),
    ("model-b256", "onnx", None),
    ("model-b256", "tf", None),
    ("startup", "onnx", AtMost(0.45)),
    ("startup", "tf", AtMost(2.0)),
    ("rss-png28", "onnx", None),
    ("rss-png28", "tf", None),
    ("rss-jpg128", "onnx", None),
    ("rss-jpg128", "tf", None),
    ("rss-phone", "onnx", None),
    ("rss-phone", "tf", None),
    ("e2e-large", "onnx", None),
    ("e2e-large", "tf", None),
    ("rss-large", "onnx", Below(1024)),
    ("rss-large", "tf", Below(1024)),
    ("train", "tf", AtLeastTimes(torch=2.0)),
]


def read_raw(lines):
    """{(figure, side): [values in run order]} from `figure side run value` lines."""
    values = collections.defaultdict(list)
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        fields = line.rstrip("\n").split("\t")
        if len(fields) != 4 or fields[0] not in FIGURES or not is_number(fields[3]):
            raise ValueError(f"line {number}: want 'figure<TAB>side<TAB>run<TAB>value', got {line!r}")
        values[(fields[0], fields[1])].append(float(fields[3]))
    return values


def is_number(text):
    try:
        float(text)
        return True
    except ValueError:
        return False


def ratio(figure, hcr, peer):
    """How many times better hcr is than the peer: > 1 means hcr wins, whatever the unit."""
    if peer is None or hcr <= 0 or peer <= 0:
        return None
    return hcr / peer if figure.better == HIGHER else peer / hcr


def table(values, sizes):
    out = ["| figure | hcr | " + " | ".join(f"{p} peer" for p in PEERS) + " | "
           + " | ".join(f"vs {p}" for p in PEERS) + " | target | met |",
           "|---" * (3 + 2 * len(PEERS)) + "|---|"]
    for key, side, target in ROWS:
        if (key, side) not in values:
            continue
        figure = FIGURES[key]
        hcr = statistics.median(values[(key, side)])
        peers = {p: statistics.median(values[(key, p)]) for p in PEERS if (key, p) in values}
        ratios = {p: ratio(figure, hcr, peers[p]) for p in peers}
        title = figure.title.format(**sizes)
        out.append("| {} ({}), hcr {} | {} | {} | {} | {} | {} |".format(
            title, figure.unit, side, figure.format(hcr),
            " | ".join(figure.format(peers[p]) if p in peers else "–" for p in PEERS),
            " | ".join(f"{ratios[p]:.2f}x" if ratios.get(p) is not None else "–" for p in PEERS),
            target.text(figure) if target else "",
            ("yes" if target.met(hcr, ratios) else "**no**") if target else ""))
    return out


def in_table_order(item):
    """Figures as in FIGURES; within one, hcr's backends by name, then the peers."""
    (key, side), _ = item
    return list(FIGURES).index(key), side in PEERS, PEERS.index(side) if side in PEERS else 0, side


def raw_section(values, sizes):
    out = ["| figure | side | values in run order | min | median | max |", "|---|---|---|---|---|---|"]
    for (key, side), runs in sorted(values.items(), key=in_table_order):
        figure = FIGURES[key]
        out.append("| {} ({}) | {} | {} | {} | {} | {} |".format(
            figure.title.format(**sizes), figure.unit, side + " peer" if side in PEERS else "hcr " + side,
            ", ".join(figure.format(v) for v in runs), figure.format(min(runs)),
            figure.format(statistics.median(runs)), figure.format(max(runs))))
    return out


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("raw")
    ap.add_argument("--images", type=int, required=True)
    ap.add_argument("--photos", type=int, default=1_000)
    ap.add_argument("--large-images", type=int, default=100_000)
    ap.add_argument("--header")
    a = ap.parse_args(argv)
    with open(a.raw) as f:
        values = read_raw(f)
    sizes = {"images": a.images, "photos": a.photos, "large_images": a.large_images}
    parts = []
    if a.header:
        with open(a.header) as f:
            parts.append(f.read().rstrip("\n"))
    parts += ["", "Medians of the runs; vs = how many times better hcr is than that peer"
              " (throughput hcr/peer, time and memory peer/hcr).", ""]
    parts += table(values, sizes)
    parts += ["", "### Every run", ""] + raw_section(values, sizes)
    print("\n".join(parts))


if __name__ == "__main__":
    main(sys.argv[1:])
