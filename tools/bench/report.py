#!/usr/bin/python3
"""Turns the raw measurements of tools/bench.sh into the Markdown results table.

Input: a TSV of `figure  side  run  value` lines (side: onnx, tf or peer), one per process run.
Output (stdout): the header file given, the table of medians (figure, hcr, peer, ratio, target, met),
then every raw value, so a reader can judge the spread behind each median.

    report.py RAW.tsv --images N [--large-images M] [--header FILE]
"""
import argparse
import collections
import statistics
import sys

HIGHER, LOWER = "higher", "lower"


class Figure:
    def __init__(self, title, unit, better, digits=0):
        self.title, self.unit, self.better, self.digits = title, unit, better, digits

    def format(self, value):
        return f"{value:,.{self.digits}f}"


FIGURES = {
    "e2e-png28": Figure("End to end, {images:,} 28x28 PNGs", "images/s", HIGHER),
    "e2e-jpg128": Figure("End to end, {images:,} 128x128 JPEGs", "images/s", HIGHER),
    "model-b1": Figure("Model only, batch 1", "images/s", HIGHER),
    "model-b256": Figure("Model only, batch 256", "images/s", HIGHER),
    "startup": Figure("Start-up to first result, 1 image", "s", LOWER, digits=2),
    "rss-png28": Figure("Peak RSS, end to end on the PNGs", "MB", LOWER),
    "rss-jpg128": Figure("Peak RSS, end to end on the JPEGs", "MB", LOWER),
    "e2e-large": Figure("End to end, {large_images:,} 28x28 PNGs", "images/s", HIGHER),
    "rss-large": Figure("Peak RSS, {large_images:,} 28x28 PNGs", "MB", LOWER),
    "train": Figure("Training, batch 128", "images/s", HIGHER),
}


class AtLeastTimesPeer:
    def __init__(self, factor):
        self.factor = factor

    def text(self, figure):
        return f">= {self.factor:g}x peer"

    def met(self, hcr, ratio):
        return ratio is not None and ratio >= self.factor


class AtMost:
    def __init__(self, limit):
        self.limit = limit

    def text(self, figure):
        return f"<= {figure.format(self.limit)} {figure.unit}"

    def met(self, hcr, ratio):
        return hcr <= self.limit


class Below:
    def __init__(self, limit):
        self.limit = limit

    def text(self, figure):
        return f"< {figure.format(self.limit)} {figure.unit}"

    def met(self, hcr, ratio):
        return hcr < self.limit


# The "Done when" targets; rows without one are reported for information.
ROWS = [
    ("e2e-png28", "onnx", AtLeastTimesPeer(2.0)),
    ("e2e-png28", "tf", AtLeastTimesPeer(1.5)),
    ("e2e-jpg128", "onnx", AtLeastTimesPeer(2.0)),
    ("e2e-jpg128", "tf", AtLeastTimesPeer(1.5)),
    ("model-b1", "onnx", None),
    ("model-b1", "tf", None),
    ("model-b256", "onnx", None),
    ("model-b256", "tf", None),
    ("startup", "onnx", AtMost(1.0)),
    ("startup", "tf", AtMost(2.0)),
    ("rss-png28", "onnx", None),
    ("rss-png28", "tf", None),
    ("rss-jpg128", "onnx", None),
    ("rss-jpg128", "tf", None),
    ("e2e-large", "onnx", None),
    ("e2e-large", "tf", None),
    ("rss-large", "onnx", Below(1024)),
    ("rss-large", "tf", Below(1024)),
    ("train", "tf", AtLeastTimesPeer(2.0)),
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
    out = ["| figure | hcr | peer | ratio | target | met |", "|---|---|---|---|---|---|"]
    for key, side, target in ROWS:
        if (key, side) not in values:
            continue
        figure = FIGURES[key]
        hcr = statistics.median(values[(key, side)])
        peer_values = values.get((key, "peer"))
        peer = statistics.median(peer_values) if peer_values else None
        r = ratio(figure, hcr, peer)
        title = figure.title.format(**sizes)
        out.append("| {} ({}), hcr {} | {} | {} | {} | {} | {} |".format(
            title, figure.unit, side, figure.format(hcr),
            figure.format(peer) if peer is not None else "–",
            f"{r:.2f}x" if r is not None else "–",
            target.text(figure) if target else "",
            ("yes" if target.met(hcr, r) else "**no**") if target else ""))
    return out


def in_table_order(item):
    """Figures as in FIGURES; within one, hcr's backends by name, then the peer."""
    (key, side), _ = item
    return list(FIGURES).index(key), side == "peer", side


def raw_section(values, sizes):
    out = ["| figure | side | values in run order | min | median | max |", "|---|---|---|---|---|---|"]
    for (key, side), runs in sorted(values.items(), key=in_table_order):
        figure = FIGURES[key]
        out.append("| {} ({}) | {} | {} | {} | {} | {} |".format(
            figure.title.format(**sizes), figure.unit, side if side == "peer" else "hcr " + side,
            ", ".join(figure.format(v) for v in runs), figure.format(min(runs)),
            figure.format(statistics.median(runs)), figure.format(max(runs))))
    return out


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("raw")
    ap.add_argument("--images", type=int, required=True)
    ap.add_argument("--large-images", type=int, default=100_000)
    ap.add_argument("--header")
    a = ap.parse_args(argv)
    with open(a.raw) as f:
        values = read_raw(f)
    sizes = {"images": a.images, "large_images": a.large_images}
    parts = []
    if a.header:
        with open(a.header) as f:
            parts.append(f.read().rstrip("\n"))
    parts += ["", "Medians of the runs; ratio = how many times better hcr is than the peer"
              " (throughput hcr/peer, time and memory peer/hcr).", ""]
    parts += table(values, sizes)
    parts += ["", "### Every run", ""] + raw_section(values, sizes)
    print("\n".join(parts))


if __name__ == "__main__":
    main(sys.argv[1:])
