package hcr.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * A one-line progress bar with rate and ETA on stderr. It draws only when stderr is a terminal
 * (the launcher passes {@code -Dhcr.stderr.tty}), and at most every 200 ms, so it costs nothing
 * in pipelines and logs. Thread-safe.
 */
public final class ProgressBar implements AutoCloseable {
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String label;
    private final String unit;
    private final boolean enabled;
    private final long startNanos = System.nanoTime();
    private long total;
    private long done;
    private long lastDraw;
    private boolean drawn;

    public ProgressBar(String label, long total, String unit) {
        this(System.err, label, total, unit, stderrIsTerminal());
    }

    ProgressBar(PrintStream out, String label, long total, String unit, boolean enabled) {
        this.out = out;
        this.label = label;
        this.total = total;
        this.unit = unit;
        this.enabled = enabled;
    }

    public static boolean stderrIsTerminal() {
        return Boolean.getBoolean("hcr.stderr.tty");
    }

    public synchronized void total(long newTotal) {
        total = newTotal;
    }

    public synchronized void step(long n) {
        set(done + n);
    }

    public synchronized void set(long value) {
        done = value;
        long now = System.nanoTime();
        if (enabled && (now - lastDraw >= REDRAW_NANOS || done == total)) {
            lastDraw = now;
            draw(now);
        }
    }

    private void draw(long now) {
        double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
        double rate = done / seconds;
        StringBuilder line = new StringBuilder("\r").append(label).append(' ');
        if (total > 0) {
            int filled = (int) Math.min(WIDTH, WIDTH * done / total);
            line.append('[').append("#".repeat(filled)).append(" ".repeat(WIDTH - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%3d%% ", 100 * done / total));
        }
        line.append(String.format(Locale.ROOT, "%,d", done));
        if (total > 0) {
            line.append('/').append(String.format(Locale.ROOT, "%,d", total));
        }
        line.append(String.format(Locale.ROOT, " %s  %,.0f %s/s", unit, rate, unit));
        if (total > 0 && rate > 0 && done < total) {
            line.append("  ETA ").append(formatDuration(Duration.ofSeconds((long) ((total - done) / rate))));
        }
        line.append("   ");
        out.print(line);
        out.flush();
        drawn = true;
    }

    public static String formatDuration(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** Clears the line so the next message starts clean. */
    @Override
    public synchronized void close() {
        if (drawn) {
            out.print("\r" + " ".repeat(label.length() + WIDTH + 60) + "\r");
            out.flush();
        }
    }
}
