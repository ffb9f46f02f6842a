package hcr.cli;

import hcr.data.Checksum;
import hcr.data.DataNotFoundException;
import hcr.data.DownloadSpec;
import hcr.data.Downloader;
import hcr.data.Emnist;
import hcr.data.Part;
import hcr.data.UserCache;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hcr data download}: fetches NIST's gzip.zip into the cache, resumable and verified. */
@Command(name = "download", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Downloads NIST's EMNIST archive (gzip.zip, about 536 MB, every split) into hcr's cache, "
                        + "so other commands find it without --data.",
                "An interrupted download resumes where it stopped when run again; the file is checked "
                        + "for size and checksum before it is put in place."})
public final class DataDownloadCommand implements Callable<Integer> {
    private static final long MB = 1_000_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--split", defaultValue = "byclass", paramLabel = "S",
            description = "Split that must be in the archive afterwards. Default: ${DEFAULT-VALUE}.")
    String split;

    @Option(names = "--dir", paramLabel = "D",
            description = "Directory to save gzip.zip in. Default: $XDG_CACHE_HOME/hcr or ~/.cache/hcr.")
    Path dir;

    @Option(names = "--url", paramLabel = "URL", description = "Where to fetch it (a mirror). Default: ${DEFAULT-VALUE}.")
    URI url = DownloadSpec.NIST_URL;

    @Option(names = "--size", paramLabel = "BYTES",
            description = "Expected size, for an archive other than NIST's. Default: ${DEFAULT-VALUE}.")
    long size = DownloadSpec.NIST_SIZE;

    @Option(names = "--sha256", paramLabel = "HEX",
            description = "Expected SHA-256, for an archive other than NIST's. Default: check the MD5 torchvision publishes for NIST's archive.")
    String sha256;

    @Override
    public Integer call() {
        if (size <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--size must be positive");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--url must be an http:// or https:// address with a host, not '" + url + "'");
        }
        Checksum checksum = sha256 != null ? Checksum.sha256(sha256) : DownloadSpec.NIST_CHECKSUM;
        Path target = (dir != null ? dir : UserCache.hcrDirectory()).resolve(Emnist.NIST_ZIP);

        Downloader.Result result;
        try (ProgressBar bar = new ProgressBar("download", size / MB, "MB")) {
            result = new Downloader().download(new DownloadSpec(url, size, checksum), target, new ProgressBarListener(bar, MB));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s %s (%,d bytes, sha256 %s)%n",
                result.alreadyPresent() ? "already downloaded and verified:" : "saved", result.file(), size, result.sha256());
        Set<Part> parts = Emnist.parts(result.file(), split);
        if (parts.isEmpty()) {
            throw new DataNotFoundException("the archive holds no '" + split + "' split: check --split");
        }
        out.printf("split %s: %s%n", split, parts.stream().map(Part::token).collect(Collectors.joining(", ")));
        if (dir != null && !target.equals(UserCache.hcrDirectory().resolve(Emnist.NIST_ZIP))) {
            out.printf("pass --data %s to the other commands to use it%n", target);
        }
        out.flush();
        return ExitCode.OK;
    }
}
