package hcr.serve;

import hcr.image.ImageDecoder;
import hcr.recognise.Recogniser;

/**
 * The loaded model the server answers with, and how the v2 protocol names it.
 *
 * @param platform the v2 metadata's platform, e.g. {@code onnxruntime_onnx}
 * @param recogniser the shared recognition core; its charset and top-k are ignored (each request
 *                   chooses its own)
 * @param decoder the decoder behind the recogniser's translator (its pixel limit), which
 *                {@code /read} decodes its pictures with too
 */
public record ServedModel(String name, String version, String platform, Recogniser recogniser, ImageDecoder decoder) {
}
