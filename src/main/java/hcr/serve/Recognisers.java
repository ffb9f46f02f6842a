package hcr.serve;

import hcr.recognise.Charset;
import hcr.recognise.Recogniser;
import hcr.runtime.ScoringModel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One recogniser per (charset, number of candidates) a request asks for, all sharing the loaded
 * model and translator. The cache is bounded: a client spelling endless charsets gets answers,
 * not a growing heap.
 */
final class Recognisers {
    private static final int CACHED = 64;

    private final ScoringModel model;
    private final Recogniser core;
    private final Charset defaultCharset;
    private final Map<String, Recogniser> cache = new ConcurrentHashMap<>();

    Recognisers(Recogniser core, Charset defaultCharset) {
        this.core = core;
        this.model = core.model();
        this.defaultCharset = defaultCharset;
    }

    Recogniser core() {
        return core;
    }

    /**
     * @param spec a charset as {@code --charset} spells it, or null/blank for the server's default
     * @param top  candidates wanted per picture (fewer when the charset is smaller)
     * @throws HttpError 400 when the spelling is not a charset of this model
     */
    Recogniser get(String spec, int top) {
        String key = (spec == null || spec.isBlank() ? "" : spec) + '\u0000' + top;
        Recogniser known = cache.get(key);
        if (known != null) {
            return known;
        }
        Recogniser made;
        try {
            Charset charset = spec == null || spec.isBlank() ? defaultCharset : Charset.parse(spec);
            made = Recogniser.of(model, core.translator(), charset, top);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("charset: " + e.getMessage());
        }
        if (cache.size() < CACHED) {
            cache.putIfAbsent(key, made);
        }
        return made;
    }
}
