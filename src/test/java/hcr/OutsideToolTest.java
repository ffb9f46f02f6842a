package hcr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probes that let outside checks skip on a fresh machine say "absent" whenever the real thing is. */
class OutsideToolTest {
    @TempDir
    Path dir;

    @Test
    void withNeitherToolOnThePathBothProbesSayAbsent() throws IOException {
        Path emptyBin = Files.createDirectory(dir.resolve("bin"));
        Map<String, String> freshMachine = Map.of("PATH", emptyBin.toString());

        assertThat(OutsideTool.pythonOnnx(dir, freshMachine).ok()).isFalse();
        assertThat(OutsideTool.nodeOnnxRuntime(Path.of("tools/node-check").toAbsolutePath(), freshMachine).ok()).isFalse();
    }

    @Test
    void aFolderNamedOnnxIsNotThePythonPackage() throws IOException {
        assumeTrue(OutsideTool.run(java.util.List.of("python3", "--version"), dir, Map.of()).ok(), "no python3: skipping");
        // What made the check pass on a fresh Debian: the repo's onnx/ folder, importable from the repo root.
        Files.createDirectories(dir.resolve("namespace/onnx"));
        // And a package named onnx without the checker, found before any real one.
        Files.createDirectories(dir.resolve("impostor/onnx"));
        Files.writeString(dir.resolve("impostor/onnx/__init__.py"), "");

        assertThat(OutsideTool.pythonOnnx(dir.resolve("namespace"), Map.of("PYTHONPATH", "")).ok())
                .isEqualTo(OutsideTool.pythonOnnx(dir, Map.of()).ok());
        assertThat(OutsideTool.pythonOnnx(dir, Map.of("PYTHONPATH", dir.resolve("impostor").toString())).ok()).isFalse();
    }

    @Test
    void nodeWithoutTheRuntimePackageIsAbsent() {
        assumeTrue(OutsideTool.run(java.util.List.of("node", "--version"), dir, Map.of()).ok(), "no node: skipping");

        assertThat(OutsideTool.nodeOnnxRuntime(dir, Map.of()).ok()).isFalse();
    }
}
