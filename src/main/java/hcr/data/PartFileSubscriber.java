package hcr.data;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Writes a response body into the part file as it arrives, reporting progress and the time bytes
 * last arrived. HttpClient has no read timeout once headers are in, so the downloader watches
 * {@link #nanosSinceData()} and {@link #abort aborts} a stalled transfer itself.
 */
final class PartFileSubscriber implements HttpResponse.BodySubscriber<Long> {
    private final CompletableFuture<Long> written = new CompletableFuture<>();
    private final FileChannel channel;
    private final long start;
    private final ProgressListener progress;
    private volatile Flow.Subscription subscription;
    private volatile long lastData = System.nanoTime();
    private long position;

    /** Appends at {@code start} (the part file's length) or, when {@code start == 0}, replaces it. */
    PartFileSubscriber(Path part, long start, ProgressListener progress) throws IOException {
        this.channel = start == 0
                ? FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)
                : FileChannel.open(part, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        this.start = start;
        this.position = start;
        this.progress = progress;
    }

    long nanosSinceData() {
        return System.nanoTime() - lastData;
    }

    void abort(IOException reason) {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        finish(reason);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        progress.done(start);
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        try {
            for (ByteBuffer buffer : buffers) {
                while (buffer.hasRemaining()) {
                    position += channel.write(buffer);
                }
            }
            lastData = System.nanoTime();
            progress.done(position);
            subscription.request(1);
        } catch (IOException e) {
            abort(e);
        }
    }

    @Override
    public void onError(Throwable failure) {
        finish(failure);
    }

    @Override
    public void onComplete() {
        finish(null);
    }

    @Override
    public CompletionStage<Long> getBody() {
        return written;
    }

    private synchronized void finish(Throwable failure) {
        if (written.isDone()) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            failure = failure == null ? e : failure;
        }
        if (failure == null) {
            written.complete(position - start);
        } else {
            written.completeExceptionally(failure);
        }
    }
}
