#!/usr/bin/python3
"""Specification of report.py. Run: /usr/bin/python3 -m unittest discover -s tools/bench"""
import unittest

import report

SIZES = {"images": 10_000, "photos": 1_000, "large_images": 100_000}


def raw(*rows):
    return report.read_raw(f"{figure}\t{side}\t{run}\t{value}\n" for figure, side, run, value in rows)


def row_for(lines, start):
    matches = [line for line in lines if line.startswith("| " + start)]
    assert len(matches) == 1, (start, lines)
    return [cell.strip() for cell in matches[0].strip("|").split("|")]


class TableTest(unittest.TestCase):

    def test_throughput_rows_show_medians_and_hcr_over_each_peer(self):
        values = raw(("e2e-png28", "onnx", 1, 5000), ("e2e-png28", "onnx", 2, 4000), ("e2e-png28", "onnx", 3, 9000),
                     ("e2e-png28", "torch", 1, 1000), ("e2e-png28", "torch", 2, 1100), ("e2e-png28", "torch", 3, 1250),
                     ("e2e-png28", "cv", 1, 3000), ("e2e-png28", "cv", 2, 3100), ("e2e-png28", "cv", 3, 3300))
        cells = row_for(report.table(values, SIZES), "End to end, 10,000 28x28 PNGs (images/s), hcr onnx")
        self.assertEqual(cells[1:], ["5,000", "1,100", "3,100", "4.55x", "1.61x", ">= 4x torch, >= 1.5x cv", "yes"])

    def test_a_target_is_met_only_against_every_peer_it_names(self):
        values = raw(("e2e-jpg128", "onnx", 1, 5000), ("e2e-jpg128", "torch", 1, 1000), ("e2e-jpg128", "cv", 1, 4000))
        cells = row_for(report.table(values, SIZES), "End to end, 10,000 128x128 JPEGs (images/s), hcr onnx")
        self.assertEqual(cells[4:], ["5.00x", "1.25x", ">= 4x torch, >= 1.5x cv", "**no**"])

    def test_a_target_against_a_peer_that_did_not_run_is_not_met(self):
        values = raw(("e2e-phone", "onnx", 1, 90.0), ("e2e-phone", "torch", 1, 20.0))
        cells = row_for(report.table(values, SIZES), "End to end, 1,000 4032x3024 phone JPEGs")
        self.assertEqual(cells[1:], ["90.0", "20.0", "–", "4.50x", "–", ">= 2x cv", "**no**"])

    def test_time_rows_count_a_shorter_time_as_the_better_ratio(self):
        values = raw(("startup", "tf", 1, 2.5), ("startup", "torch", 1, 1.0), ("startup", "cv", 1, 0.5))
        cells = row_for(report.table(values, SIZES), "Start-up")
        self.assertEqual(cells[1:], ["2.50", "1.00", "0.50", "0.40x", "0.20x", "<= 2.00 s", "**no**"])

    def test_a_missed_ratio_target_is_flagged(self):
        values = raw(("train", "tf", 1, 2000), ("train", "torch", 1, 1800))
        cells = row_for(report.table(values, SIZES), "Training")
        self.assertEqual(cells[4:], ["1.11x", "–", ">= 2x torch", "**no**"])

    def test_memory_limit_is_absolute_and_needs_no_peer(self):
        values = raw(("rss-large", "onnx", 1, 400))
        cells = row_for(report.table(values, SIZES), "Peak RSS, 100,000")
        self.assertEqual(cells[1:], ["400", "–", "–", "–", "–", "< 1,024 MB", "yes"])

    def test_figures_not_measured_are_left_out(self):
        values = raw(("startup", "onnx", 1, 0.8))
        lines = report.table(values, SIZES)
        self.assertEqual(len(lines), 3)  # header, rule, start-up

    def test_every_raw_value_is_listed_in_run_order(self):
        values = raw(("model-b1", "tf", 1, 3), ("model-b1", "tf", 2, 1), ("model-b1", "tf", 3, 2))
        cells = row_for(report.raw_section(values, SIZES), "Model only, batch 1")
        self.assertEqual(cells[1:], ["hcr tf", "3, 1, 2", "1", "2", "3"])

    def test_raw_values_are_grouped_by_figure_with_the_peers_last(self):
        values = raw(("startup", "cv", 1, 0.9), ("startup", "torch", 1, 1.0), ("model-b1", "tf", 1, 3),
                     ("startup", "tf", 1, 2.0), ("startup", "onnx", 1, 0.5))
        sides = [(line.split("|")[1].split(",")[0].strip(), line.split("|")[2].strip())
                 for line in report.raw_section(values, SIZES)[2:]]
        self.assertEqual(sides, [("Model only", "hcr tf"), ("Start-up to first result", "hcr onnx"),
                                 ("Start-up to first result", "hcr tf"), ("Start-up to first result", "torch peer"),
                                 ("Start-up to first result", "cv peer")])

    def test_malformed_lines_are_rejected_with_their_number(self):
        with self.assertRaisesRegex(ValueError, "line 2"):
            report.read_raw(["startup\tonnx\t1\t0.8\n", "startup onnx 1 0.8\n"])

    def test_values_that_are_not_numbers_are_rejected(self):
        with self.assertRaisesRegex(ValueError, "line 1"):
            report.read_raw(["model-b1\ttorch\t1\t2918.9 images_per_s_mean=1860.8\n"])


if __name__ == "__main__":
    unittest.main()
