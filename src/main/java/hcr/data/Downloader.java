package hcr.data;

import hcr.io.AtomicWrite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fetches a large file over HTTP into {@code <target>.part}, resuming with a Range request after a
 * cut or stalled connection (within one run, and across runs), then checks size and digest before
 * renaming the part file to the target, so the target is only ever complete and verified.
 */
public final class Downloader {
    /** Attempts per run: each resumes where the last stopped, so a flaky link still finishes. */
    private static final int ATTEMPTS = 4;
    private static final Pattern CONTENT_RANGE_START = Pattern.compile("bytes (\\d+)-");

    private final HttpClient client;
    private final Duration stallTimeout;

    public Downloader() {
        this(HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(20))
                .build(), Duration.ofSeconds(60));
    }

    /** {@code stallTimeout}: how long to wait for the headers, or for more data, before resuming afresh. */
    Downloader(HttpClient client, Duration stallTimeout) {
        this.client = client;
        this.stallTimeout = stallTimeout;
    }

    /** The outcome: where the file is, whether it was already there, and its SHA-256 (to pin). */
    public record Result(Path file, boolean alreadyPresent, long resumedFrom, String sha256) {
    }

    public Result download(DownloadSpec spec, Path target, ProgressListener progress) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            if (Files.isRegularFile(target)) {
                FileCheck existing = FileCheck.of(target, spec);
                if (existing.ok()) {
                    return new Result(target, true, 0, existing.sha256());
                }
                Files.delete(target); // damaged or another version: fetch it afresh
            }
            Path part = target.resolveSibling(target.getFileName() + ".part");
            long resumedFrom = Files.exists(part) ? Files.size(part) : 0;
            fetch(spec, part, progress);
            FileCheck fetched = FileCheck.of(part, spec);
            if (!fetched.ok()) {
                Files.delete(part); // so the next run starts clean instead of resuming garbage
                throw new DownloadException(spec.url() + " is not the expected file (" + fetched.mismatch()
                        + "); it was deleted: run again, or check --url");
            }
            AtomicWrite.move(part, target);
            return new Result(target, false, resumedFrom, fetched.sha256());
        } catch (IOException e) {
            throw new DownloadException("cannot save " + target + ": " + e.getMessage(), e);
        }
    }

    /** Fills the part file: returns when the server has sent its whole file, however long that turns out to be. */
    private void fetch(DownloadSpec spec, Path part, ProgressListener progress) throws IOException {
        progress.total(spec.size());
        IOException lastFailure = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long have = Files.exists(part) ? Files.size(part) : 0;
            if (have >= spec.size()) {
                return; // complete, or too long: verification tells which
            }
            try {
                transfer(spec, part, have, progress);
                return;
            } catch (ConnectException | HttpConnectTimeoutException e) {
                throw offline(spec, e);
            } catch (IOException e) {
                lastFailure = e; // a cut or stalled connection: resume from what arrived
            }
        }
        throw new DownloadException(String.format(
                "download of %s stopped at %,d of %,d bytes (%s); run the command again to resume",
                spec.url(), Files.size(part), spec.size(), lastFailure.getMessage()), lastFailure);
    }

    /** One request: from byte {@code have} on, appended to the part file. */
    private void transfer(DownloadSpec spec, Path part, long have, ProgressListener progress) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(spec.url()).timeout(stallTimeout).GET();
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
        }
        AtomicReference<PartFileSubscriber> body = new AtomicReference<>();
        HttpResponse.BodyHandler<Long> handler = info -> {
            long start = startOffset(info.statusCode(), info.headers(), have);
            if (start < 0) {
                return HttpResponse.BodySubscribers.replacing(0L); // an error status: nothing to keep
            }
            try {
                body.set(new PartFileSubscriber(part, start, progress));
                return body.get();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        HttpResponse<Long> response = await(client.sendAsync(request.build(), handler), body);
        if (startOffset(response.statusCode(), response.headers(), have) < 0) {
            throw statusFailure(spec, response, have);
        }
    }

    /** Where the body goes in the part file: {@code have} if the Range was honoured, 0 for a full resend, -1 for neither. */
    private static long startOffset(int status, HttpHeaders headers, long have) {
        if (status == 200) {
            return 0;
        }
        Matcher range = CONTENT_RANGE_START.matcher(headers.firstValue("Content-Range").orElse(""));
        return status == 206 && range.lookingAt() && Long.parseLong(range.group(1)) == have ? have : -1;
    }

    /** Waits for the transfer, aborting it when no data has come for {@code stallTimeout}. */
    private <T> HttpResponse<T> await(CompletableFuture<HttpResponse<T>> pending, AtomicReference<PartFileSubscriber> body)
            throws IOException {
        long pollNanos = Math.min(TimeUnit.SECONDS.toNanos(1), stallTimeout.toNanos() / 4);
        try {
            while (true) {
                try {
                    return pending.get(pollNanos, TimeUnit.NANOSECONDS);
                } catch (TimeoutException waiting) {
                    PartFileSubscriber subscriber = body.get();
                    if (subscriber != null && subscriber.nanosSinceData() > stallTimeout.toNanos()) {
                        subscriber.abort(new IOException("no data for " + seconds(stallTimeout)));
                    }
                }
            }
        } catch (ExecutionException e) {
            throw asIOException(e.getCause());
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new DownloadException("download interrupted; run the command again to resume", e);
        }
    }

    private IOException asIOException(Throwable cause) {
        if (cause instanceof UncheckedIOException unchecked) {
            return unchecked.getCause();
        }
        if (cause instanceof HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException)) {
            return new IOException("no answer within " + seconds(stallTimeout), cause);
        }
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw new IllegalStateException(cause);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static DownloadException statusFailure(DownloadSpec spec, HttpResponse<?> response, long have) {
        int status = response.statusCode();
        if (status == 404 || status == 410) {
            return new DownloadException("not found (HTTP " + status + "): " + spec.url()
                    + "; the file may have moved: pass --url with a mirror of NIST's gzip.zip");
        }
        if (status == 206) {
            return new DownloadException("the server answered a resume request from byte " + have + " of " + spec.url()
                    + " with another range (" + response.headers().firstValue("Content-Range").orElse("none")
                    + "); delete the .part file beside the target and run again");
        }
        return new DownloadException("download of " + spec.url() + " failed: HTTP " + status);
    }

    private static DownloadException offline(DownloadSpec spec, IOException e) {
        return new DownloadException("cannot reach " + spec.url().getHost() + " (are you offline?); anything already"
                + " fetched is kept and resumes next time. Alternatively, copy NIST's gzip.zip into the cache directory"
                + " yourself, or pass --data to other commands", e);
    }
}
