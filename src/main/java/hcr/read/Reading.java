package hcr.read;

import java.util.List;
import java.util.stream.Collectors;

/** What {@code hcr read} found in one picture: its lines, top to bottom (none for a picture without ink). */
public record Reading(List<TextLine> lines) {

    public Reading {
        lines = List.copyOf(lines);
    }

    /** The lines joined by newlines. */
    public String text() {
        return lines.stream().map(TextLine::text).collect(Collectors.joining("\n"));
    }
}
