package hcr.export;

import hcr.runtime.ModelCard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tensorflow.GraphOperation;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Tensor;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * A SavedModel opened for conversion: its graph's nodes, the serving signature's input and output
 * tensors, static shapes, and the values of constants and variables (read in the bundle's session,
 * which restored them from the checkpoint).
 */
final class ServingGraph implements AutoCloseable {
    static final String SIGNATURE = "serving_default";

    private final SavedModelBundle bundle;
    private final Map<String, NodeDef> nodes;
    private final String inputTensor;
    private final String outputTensor;

    private ServingGraph(SavedModelBundle bundle) {
        this.bundle = bundle;
        this.nodes = bundle.graph().toGraphDef().getNodeList().stream()
                .collect(Collectors.toMap(NodeDef::getName, Function.identity()));
        SignatureDef signature = bundle.metaGraphDef().getSignatureDefMap().get(SIGNATURE);
        if (signature == null) {
            throw new ExportException("the SavedModel has no '" + SIGNATURE + "' signature; it has "
                    + bundle.metaGraphDef().getSignatureDefMap().keySet());
        }
        this.inputTensor = tensorName(signature.getInputsMap(), ModelCard.INPUT, "input");
        this.outputTensor = tensorName(signature.getOutputsMap(), ModelCard.OUTPUT, "output");
    }

    static ServingGraph open(Path dir) {
        if (!Files.isRegularFile(dir.resolve("saved_model.pb"))) {
            throw new ExportException(dir + " is not a SavedModel directory: saved_model.pb is missing");
        }
        SavedModelBundle bundle;
        try {
            bundle = SavedModelBundle.load(dir.toString(), SavedModelBundle.DEFAULT_TAG);
        } catch (TensorFlowException e) {
            throw new ExportException("cannot load the SavedModel in " + dir + ": " + e.getMessage(), e);
        }
        try {
            return new ServingGraph(bundle);
        } catch (RuntimeException e) {
            bundle.close();
            throw e;
        }
    }

    /** The node named {@code name} ("conv1/Conv2D"; a tensor reference "conv1/Conv2D:0" also works). */
    NodeDef node(String name) {
        NodeDef node = nodes.get(TensorRef.parse(name).node());
        if (node == null) {
            throw new ExportException("the graph has no node '" + name + "'");
        }
        return node;
    }

    TensorRef input() {
        return TensorRef.parse(inputTensor);
    }

    TensorRef output() {
        return TensorRef.parse(outputTensor);
    }

    /** The static shape TF inferred for a tensor, -1 for unknown dimensions. */
    long[] shape(TensorRef tensor) {
        GraphOperation op = bundle.graph().operation(tensor.node());
        return op.output(tensor.index()).shape().asArray();
    }

    /** Evaluates a tensor that does not depend on the model's input (a Const or a variable's value). */
    Value constant(TensorRef tensor) {
        try (Result result = bundle.session().runner().fetch(tensor.node(), tensor.index()).run()) {
            Tensor t = result.get(0);
            long[] shape = t.shape().asArray();
            if (t instanceof TFloat32 floats) {
                float[] values = new float[(int) t.shape().size()];
                floats.copyTo(DataBuffers.of(values, false, false));
                return new Value.FloatConstant(new FloatTensor(shape, values));
            }
            if (t instanceof TInt32 ints) {
                int[] values = new int[(int) t.shape().size()];
                ints.copyTo(DataBuffers.of(values, false, false));
                return new Value.IntConstant(java.util.Arrays.stream(values).asLongStream().toArray());
            }
            if (t instanceof TInt64 longs) {
                long[] values = new long[(int) t.shape().size()];
                longs.copyTo(DataBuffers.of(values, false, false));
                return new Value.IntConstant(values);
            }
            throw new ExportException("constant '" + tensor + "' has type " + t.dataType() + "; only float32 and integer constants are exported");
        }
    }

    private static String tensorName(Map<String, TensorInfo> map, String key, String what) {
        TensorInfo info = map.get(key);
        if (info == null) {
            throw new ExportException("the '" + SIGNATURE + "' signature has no " + what + " named '" + key
                    + "'; its " + what + "s are " + map.keySet());
        }
        return info.getName();
    }

    @Override
    public void close() {
        bundle.close();
    }
}
