package hcr.serve;

import hcr.read.LineReader;
import hcr.read.PictureReading;
import hcr.read.ReadFormat;
import hcr.recognise.Picture;
import hcr.recognise.Recogniser;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/**
 * {@code POST /read}: lines and fields of handwriting, as {@code hcr read} reads them. The same
 * bodies as {@code /predictions/hcr} (one raw picture, or multipart fields); answers the JSON of
 * {@code hcr read --format json} or, with {@code Accept: text/csv}, its CSV. Query: {@code charset},
 * {@code top} (candidates per character, default 2), {@code name} (a raw body's name). A picture
 * that cannot be decoded fails the request (400, naming it): a field read without one of its
 * pictures would be a wrong answer, not a partial one.
 */
final class ReadEndpoint implements Router.Endpoint {
    static final int DEFAULT_TOP = 2;

    private final Scoring scoring;
    private final ServerMetrics metrics;
    private final long maxBody;

    ReadEndpoint(Scoring scoring, ServerMetrics metrics, long maxBody) {
        this.scoring = scoring;
        this.metrics = metrics;
        this.maxBody = maxBody;
    }

    void addTo(Router router) {
        router.add("POST", "/read", this);
    }

    @Override
    public Reply answer(Request request) throws Exception {
        boolean multipart = Uploads.isMultipart(request);
        Fields query = Request.extractQueryParameters(request);
        int top = Uploads.top(query.getValue("top"), DEFAULT_TOP);
        return scoring.run(request, turn -> {
            Recogniser recogniser = turn.recogniser(query.getValue("charset"), top);
            byte[] body = Bodies.read(request, maxBody);
            List<Picture> pictures = Uploads.pictures(request, body, multipart, maxBody, query.getValue("name"));
            turn.checkDeadline();
            // A reader per request: it is cheap, and its crops' recipe need not be shared between threads.
            LineReader reader = new LineReader(recogniser);
            // The server's decoder, so --max-pixels holds here as for every other upload.
            var decoder = turn.loaded().model().decoder();
            List<PictureReading> read = new ArrayList<>(pictures.size());
            List<String> failures = new ArrayList<>();
            for (Picture picture : pictures) {
                try {
                    read.add(decoder.decode(picture.bytes(), image -> reader.read(picture.name(), image)));
                } catch (RuntimeException | OutOfMemoryError e) {
                    failures.add(picture.name() + ": " + Recogniser.reasonFor(e));
                }
            }
            metrics.scored(read.size());
            metrics.failed(failures.size());
            if (!failures.isEmpty()) {
                throw HttpError.badRequest(String.join("; ", failures));
            }
            boolean csv = Bodies.accepts(request, "text/csv");
            return Reply.text(csv ? "text/csv; charset=utf-8" : Reply.JSON, written(csv ? ReadFormat.CSV : ReadFormat.JSON, read));
        });
    }

    private static String written(ReadFormat format, List<PictureReading> read) throws IOException {
        StringWriter out = new StringWriter();
        format.write(read, out);
        return out.toString();
    }
}
