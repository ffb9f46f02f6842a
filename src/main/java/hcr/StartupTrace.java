package hcr;

import java.time.Duration;
import java.time.Instant;

/**
 * Start-up marks for measuring where a command's first second goes: with {@code -Dhcr.startup.trace=true}
 * (e.g. {@code HCR_JAVA_OPTS=-Dhcr.startup.trace=true ./hcr ...}) each mark prints the wall time since the
 * process started, the process's CPU time and the calling thread's so far to stderr. Off, a mark is one boolean test.
 */
public final class StartupTrace {
    private static final boolean ON = Boolean.getBoolean("hcr.startup.trace");

    private StartupTrace() {
    }

    public static void mark(String what) {
        if (ON) {
            ProcessHandle.Info self = ProcessHandle.current().info();
            long wall = self.startInstant().map(start -> Duration.between(start, Instant.now()).toMillis()).orElse(-1L);
            long cpu = self.totalCpuDuration().map(Duration::toMillis).orElse(-1L);
            long thread = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
            System.err.printf("hcr startup: %5d ms wall, %5d ms cpu, %5d ms cpu of %s: %s%n", wall, cpu, thread,
                    Thread.currentThread().getName(), what);
        }
    }
}
