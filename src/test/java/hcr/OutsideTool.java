package hcr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A program outside the JVM that a test runs (python3 with onnx, node with onnxruntime-node),
 * asked first to do exactly what the test will need, from the directory and with the environment
 * the test will use: a test skips on {@link Run#ok()} false instead of failing on a missing tool.
 * (From the repo root, {@code python3 -c "import onnx"} imports the repo's onnx/ model folder as an
 * empty namespace package and "succeeds" on a machine without the onnx package.)
 */
public final class OutsideTool {
    private OutsideTool() {
    }

    /** What a run of the tool said; {@code program} is the executable that ran (null when none was found). */
    public record Run(Path program, int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    /**
     * Runs {@code command}, its program looked up on the PATH of {@code environment} (else this
     * process's PATH), as a shell would for the child: a fake PATH really hides a tool.
     */
    public static Run run(List<String> command, Path workingDir, Map<String, String> environment) {
        List<Path> found = command.get(0).contains("/") ? List.of(Path.of(command.get(0))) : which(command.get(0), environment);
        if (found.isEmpty()) {
            return new Run(null, -1, command.get(0) + " not found on PATH");
        }
        return run(found.get(0), command.subList(1, command.size()), workingDir, environment);
    }

    /** Like {@link #run}, with {@code unset} removed from the inherited environment first. */
    public static Run runWithout(List<String> unset, List<String> command, Path workingDir, Map<String, String> environment) {
        Map<String, String> env = new java.util.HashMap<>(environment);
        unset.forEach(name -> env.putIfAbsent(name, null));
        return run(command, workingDir, env);
    }

    /** Every executable called {@code name} on the PATH, in PATH order. */
    public static List<Path> which(String name, Map<String, String> environment) {
        String path = environment.getOrDefault("PATH", System.getenv().getOrDefault("PATH", ""));
        List<Path> found = new ArrayList<>();
        for (String dir : path.split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate) && !found.contains(candidate)) {
                found.add(candidate);
            }
        }
        return found;
    }

    private static Run run(Path program, List<String> arguments, Path workingDir, Map<String, String> environment) {
        List<String> command = new ArrayList<>(List.of(program.toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true);
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        Process p;
        try {
            p = builder.start();
        } catch (IOException e) {
            return new Run(program, -1, program + " cannot start: " + e.getMessage());
        }
        try {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Run(program, -1, "timed out: " + output);
            }
            return new Run(program, p.exitValue(), output.strip());
        } catch (IOException e) {
            return new Run(program, -1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return new Run(program, -1, "interrupted");
        }
    }

    /**
     * The first python3 on the PATH whose onnx package has its checker (not a folder that happens to
     * be named onnx); Debian's python3-onnx lives in /usr/bin/python3, which a pyenv shim may hide,
     * so that one is tried too unless the PATH is given.
     */
    public static Run pythonOnnx(Path workingDir, Map<String, String> environment) {
        List<Path> pythons = new ArrayList<>(which("python3", environment));
        Path debian = Path.of("/usr/bin/python3");
        if (!environment.containsKey("PATH") && Files.isExecutable(debian) && !pythons.contains(debian)) {
            pythons.add(debian);
        }
        Run last = new Run(null, -1, "python3 not found on PATH");
        for (Path python : pythons) {
            last = run(python, List.of("-c", "import onnx, onnx.checker, sys;"
                    + " sys.exit(0 if getattr(onnx, '__file__', None) and hasattr(onnx.checker, 'check_model') else 3)"),
                    workingDir, environment);
            if (last.ok()) {
                return last;
            }
        }
        return last;
    }

    /** Node with the onnxruntime-node package installed in {@code nodeCheckDir}/node_modules. */
    public static Run nodeOnnxRuntime(Path nodeCheckDir, Map<String, String> environment) {
        return run(List.of("node", "-e", "require('onnxruntime-node')"), nodeCheckDir, environment);
    }
}
