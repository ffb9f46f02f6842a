package hcr.read;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups blobs into lines of text by their vertical extent (a projection of each blob onto the
 * y axis): a blob joins the line whose band it mostly overlaps, so a line written at a slant still
 * holds together as long as it does not run into the next one. Small blobs (dots, fragments) go to
 * the nearest line.
 */
final class LineFinder {
    /** Share of a blob's height that must lie inside a line's band for it to join that line. */
    static final double JOIN_OVERLAP = 0.5;
    /** Blobs shorter than this share of the tallest blob are placed last, by distance. */
    static final double SMALL = 0.4;

    private LineFinder() {
    }

    /** @return lines top to bottom, each a list of blobs left to right */
    static List<List<Piece>> lines(List<Piece> pieces) {
        List<Piece> bySize = new ArrayList<>(pieces);
        bySize.sort(Comparator.comparingInt((Piece p) -> p.box().height()).reversed());
        int tallest = bySize.isEmpty() ? 0 : bySize.get(0).box().height();
        List<Band> bands = new ArrayList<>();
        List<Piece> small = new ArrayList<>();
        for (Piece piece : bySize) {
            if (piece.box().height() < SMALL * tallest) {
                small.add(piece);
                continue;
            }
            Band home = null;
            for (Band band : bands) {
                if (band.overlap(piece.box()) >= JOIN_OVERLAP * Math.min(piece.box().height(), band.height())) {
                    home = band;
                    break;
                }
            }
            if (home == null) {
                bands.add(new Band(piece));
            } else {
                home.add(piece);
            }
        }
        for (Piece piece : small) {
            Band nearest = null;
            double best = Double.MAX_VALUE;
            for (Band band : bands) {
                double d = band.distance(piece.box());
                if (d < best) {
                    best = d;
                    nearest = band;
                }
            }
            if (nearest == null) {
                bands.add(new Band(piece));
            } else {
                nearest.add(piece);
            }
        }
        bands.sort(Comparator.comparingInt(band -> band.top));
        List<List<Piece>> lines = new ArrayList<>();
        for (Band band : bands) {
            band.pieces.sort(Comparator.comparingDouble(p -> p.box().centreX()));
            lines.add(band.pieces);
        }
        return lines;
    }

    private static final class Band {
        final List<Piece> pieces = new ArrayList<>();
        int top;
        int bottom;

        Band(Piece first) {
            top = first.box().y();
            bottom = first.box().bottom();
            pieces.add(first);
        }

        void add(Piece piece) {
            pieces.add(piece);
            top = Math.min(top, piece.box().y());
            bottom = Math.max(bottom, piece.box().bottom());
        }

        int height() {
            return bottom - top;
        }

        int overlap(Box box) {
            return Math.min(bottom, box.bottom()) - Math.max(top, box.y());
        }

        double distance(Box box) {
            if (overlap(box) > 0) {
                return 0;
            }
            return Math.min(Math.abs(box.y() - bottom), Math.abs(top - box.bottom()));
        }
    }
}
