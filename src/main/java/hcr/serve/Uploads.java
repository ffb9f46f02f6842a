package hcr.serve;

import hcr.recognise.Picture;
import hcr.recognise.Recogniser;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Pictures as the upload endpoints take them: one picture as the raw body, or several as
 * multipart form fields, kept in memory (the body is already bounded by the size limit).
 */
final class Uploads {
    /** Most pictures one request may carry: the core's largest scoring batch. */
    static final int MAX_PICTURES = Recogniser.MAX_BATCH;

    private Uploads() {
    }

    /**
     * Whether the body is multipart.
     *
     * @throws HttpError 415 when it is neither a picture nor multipart
     */
    static boolean isMultipart(Request request) {
        String media = Bodies.mediaType(request);
        boolean multipart = media.equals("multipart/form-data");
        if (!multipart && !isPicture(media)) {
            throw HttpError.unsupportedMedia("unsupported media type '" + media + "': send a picture as the body"
                    + " (image/*, application/octet-stream) or as multipart/form-data fields");
        }
        return multipart;
    }

    /**
     * A raw picture body: image/* and octet-stream; curl's --data-binary default
     * (x-www-form-urlencoded) and no type at all are taken as the picture too.
     */
    private static boolean isPicture(String media) {
        return media.isEmpty() || media.startsWith("image/") || media.equals("application/octet-stream")
                || media.equals("application/x-www-form-urlencoded");
    }

    /**
     * The pictures of a body already read: the whole body under {@code rawName} (default "body"),
     * or each multipart field under its file name (else its field name).
     *
     * @throws HttpError 400 for an empty body, a malformed multipart body or one without parts
     */
    static List<Picture> pictures(Request request, byte[] body, boolean multipart, long maxBody, String rawName)
            throws InterruptedException {
        if (!multipart) {
            if (body.length == 0) {
                throw HttpError.badRequest("empty body: send the picture's bytes");
            }
            return List.of(new Picture(nameOr(rawName, "body"), body));
        }
        String boundary = MultiPart.extractBoundary(request.getHeaders().get("Content-Type"));
        if (boundary == null) {
            throw HttpError.badRequest("multipart/form-data without a boundary");
        }
        MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
        parser.setMaxMemoryFileSize(maxBody + 1);
        parser.setMaxLength(maxBody);
        parser.setMaxParts(MAX_PICTURES);
        List<Picture> pictures = new ArrayList<>();
        try (MultiPartFormData.Parts parts = parser.parse(Content.Source.from(ByteBuffer.wrap(body))).get()) {
            for (MultiPart.Part part : parts) {
                ByteBuffer content = Content.Source.asByteBuffer(part.getContentSource());
                byte[] bytes = new byte[content.remaining()];
                content.get(bytes);
                pictures.add(new Picture(nameOr(part.getFileName(), nameOr(part.getName(), "part" + pictures.size())),
                        bytes));
            }
        } catch (ExecutionException | java.io.IOException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw HttpError.badRequest("malformed multipart body: " + cause.getMessage());
        }
        if (pictures.isEmpty()) {
            throw HttpError.badRequest("multipart body has no parts: send pictures as -F file=@a.png");
        }
        return pictures;
    }

    /**
     * The {@code top} query parameter: candidates per answer, 1 to 62.
     *
     * @throws HttpError 400 for anything else
     */
    static int top(String text, int otherwise) {
        if (text == null) {
            return otherwise;
        }
        try {
            int k = Integer.parseInt(text.strip());
            if (k >= 1 && k <= 62) {
                return k;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw HttpError.badRequest("top must be a whole number from 1 to 62, got '" + text + "'");
    }

    private static String nameOr(String name, String fallback) {
        return name == null || name.isBlank() ? fallback : name;
    }
}
