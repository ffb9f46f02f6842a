package hcr.export;

import com.google.protobuf.ByteString;
import hcr.export.onnx.proto.AttributeProto;
import hcr.export.onnx.proto.GraphProto;
import hcr.export.onnx.proto.NodeProto;
import hcr.export.onnx.proto.TensorProto;
import hcr.export.onnx.proto.TensorShapeProto;
import hcr.export.onnx.proto.TypeProto;
import hcr.export.onnx.proto.ValueInfoProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects ONNX nodes (in topological order), initializers and graph inputs/outputs. */
final class OnnxGraphBuilder {
    private final List<NodeProto.Builder> nodes = new ArrayList<>();
    private final List<TensorProto> initializers = new ArrayList<>();
    private final List<ValueInfoProto> inputs = new ArrayList<>();
    private final List<ValueInfoProto> outputs = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    /** A name not used yet in the graph, derived from a TF node name. */
    String uniqueName(String base) {
        String name = base;
        for (int i = 1; !names.add(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }

    /** Adds a node with one output, named after {@code tfNode}; returns the output's name. */
    String node(String opType, String tfNode, List<String> inputNames, AttributeProto... attributes) {
        String output = uniqueName(tfNode);
        nodes.add(NodeProto.newBuilder()
                .setName(uniqueName(tfNode + "/" + opType))
                .setOpType(opType)
                .addAllInput(inputNames)
                .addOutput(output)
                .addAllAttribute(List.of(attributes)));
        return output;
    }

    String initializer(String baseName, FloatTensor tensor) {
        ByteBuffer raw = ByteBuffer.allocate(tensor.values().length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(tensor.values());
        return addInitializer(baseName, TensorProto.DataType.FLOAT, tensor.shape(), ByteString.copyFrom(raw.array()));
    }

    String int64Initializer(String baseName, long[] values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        raw.asLongBuffer().put(values);
        return addInitializer(baseName, TensorProto.DataType.INT64, new long[] {values.length}, ByteString.copyFrom(raw.array()));
    }

    private String addInitializer(String baseName, TensorProto.DataType type, long[] shape, ByteString raw) {
        String name = uniqueName(baseName);
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type.getNumber()).setRawData(raw);
        for (long d : shape) {
            t.addDims(d);
        }
        initializers.add(t.build());
        return name;
    }

    /** Declares a float32 graph input; a negative dimension becomes the symbolic batch size "N". */
    void input(String name, long... dims) {
        names.add(name);
        inputs.add(floatValueInfo(name, dims));
    }

    void output(String name, long... dims) {
        outputs.add(floatValueInfo(name, dims));
    }

    /** Gives the tensor {@code current} the name {@code wanted}, in its producer and every consumer. */
    void rename(String current, String wanted) {
        names.add(wanted);
        for (NodeProto.Builder node : nodes) {
            for (int i = 0; i < node.getOutputCount(); i++) {
                if (node.getOutput(i).equals(current)) {
                    node.setOutput(i, wanted);
                }
            }
            for (int i = 0; i < node.getInputCount(); i++) {
                if (node.getInput(i).equals(current)) {
                    node.setInput(i, wanted);
                }
            }
        }
    }

    boolean produces(String tensor) {
        return nodes.stream().anyMatch(n -> n.getOutputList().contains(tensor));
    }

    int nodeCount() {
        return nodes.size();
    }

    GraphProto build(String graphName, String docString) {
        GraphProto.Builder graph = GraphProto.newBuilder().setName(graphName).setDocString(docString)
                .addAllInitializer(initializers).addAllInput(inputs).addAllOutput(outputs);
        nodes.forEach(n -> graph.addNode(n.build()));
        return graph.build();
    }

    static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    static AttributeProto integer(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    private static ValueInfoProto floatValueInfo(String name, long[] dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(d < 0
                    ? TensorShapeProto.Dimension.newBuilder().setDimParam("N")
                    : TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT.getNumber()).setShape(shape))).build();
    }
}
