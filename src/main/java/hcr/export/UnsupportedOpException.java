package hcr.export;

/** The TensorFlow graph uses an operation the ONNX converter does not translate. */
public final class UnsupportedOpException extends ExportException {
    public UnsupportedOpException(String opType, String nodeName) {
        super("TF op '" + opType + "' (node '" + nodeName + "') has no ONNX translation");
    }
}
