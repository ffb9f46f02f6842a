package hcr.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * An {@code hcr} command in a JVM of its own, as a user runs it: with its own heap limit, and
 * killable with SIGKILL. Uses the test class path, so the test-only "test-echo" backend is there.
 * Its stdout and stderr go to files beside each other in {@code logs}.
 */
final class ChildJvm {
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private ChildJvm(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static ChildJvm start(String maxHeap, Path logs, String name, List<String> hcrArgs) {
        return start(maxHeap, logs, name, hcrArgs, Map.of());
    }

    /** As {@link #start(String, Path, String, List)}, with these environment variables set as well (e.g. LC_ALL). */
    static ChildJvm start(String maxHeap, Path logs, String name, List<String> hcrArgs, Map<String, String> environment) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap, "-XX:+UseSerialGC", "-Dhcr.stderr.tty=false",
                "-cp", System.getProperty("java.class.path"), "hcr.cli.Main"));
        command.addAll(hcrArgs);
        try {
            Files.createDirectories(logs);
            Path out = logs.resolve(name + ".out");
            Path err = logs.resolve(name + ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "3");
            builder.environment().putAll(environment);
            return new ChildJvm(builder.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the exit code; a child still running after {@code limit} is killed and fails the test. */
    int waitFor(Duration limit) {
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("hcr did not finish within " + limit + "; stderr: " + stderr());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** SIGKILL: no shutdown hook, no finally block, no flush runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until {@code condition} holds; fails if the child ends first or it takes longer than {@code limit}. */
    void awaitUntil(String what, BooleanSupplier condition, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("hcr ended or timed out before " + what + "; stderr: " + stderr());
            }
            Thread.sleep(10);
        }
    }

    long stdoutLines() {
        try (var lines = Files.lines(stdout)) {
            return lines.count();
        } catch (IOException e) {
            return 0;
        }
    }

    String stdout() {
        return read(stdout);
    }

    String stderr() {
        return read(stderr);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
