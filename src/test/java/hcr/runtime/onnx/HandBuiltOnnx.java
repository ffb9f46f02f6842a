package hcr.runtime.onnx;

import com.google.protobuf.ByteString;
import hcr.export.onnx.proto.AttributeProto;
import hcr.export.onnx.proto.GraphProto;
import hcr.export.onnx.proto.ModelProto;
import hcr.export.onnx.proto.NodeProto;
import hcr.export.onnx.proto.OperatorSetIdProto;
import hcr.export.onnx.proto.StringStringEntryProto;
import hcr.export.onnx.proto.TensorProto;
import hcr.export.onnx.proto.TensorShapeProto;
import hcr.export.onnx.proto.TypeProto;
import hcr.runtime.LinearSoftmax;
import hcr.export.onnx.proto.ValueInfoProto;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Softmax(flatten(image) · W) written straight as ONNX, so the backend is tested without TensorFlow
 * and with shapes the exporter would refuse to write. W[p][c] = {@link #weight}.
 */
final class HandBuiltOnnx {
    private HandBuiltOnnx() {
    }

    static float weight(int pixel, int label) {
        return (float) Math.cos(pixel * 0.37 + label * 1.3) * 0.02f;
    }

    static Path write(Path file, int side, int classes, String labelsMetadata) throws IOException {
        int pixels = side * side;
        ByteBuffer w = ByteBuffer.allocate(pixels * classes * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int p = 0; p < pixels; p++) {
            for (int c = 0; c < classes; c++) {
                w.putFloat(weight(p, c));
            }
        }
        GraphProto graph = GraphProto.newBuilder().setName("hand-built")
                .addInput(floatInfo("image", -1, side, side, 1))
                .addOutput(floatInfo("probabilities", -1, classes))
                .addInitializer(TensorProto.newBuilder().setName("W").setDataType(TensorProto.DataType.FLOAT_VALUE)
                        .addDims(pixels).addDims(classes).setRawData(ByteString.copyFrom(w.array())))
                .addNode(node("Flatten", "image", "flat").addAttribute(AttributeProto.newBuilder().setName("axis")
                        .setType(AttributeProto.AttributeType.INT).setI(1)))
                .addNode(node("MatMul", "flat", "logits").addInput("W"))
                .addNode(node("Softmax", "logits", "probabilities"))
                .build();
        ModelProto.Builder model = ModelProto.newBuilder().setIrVersion(8)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(17)).setGraph(graph);
        if (labelsMetadata != null) {
            model.addMetadataProps(StringStringEntryProto.newBuilder().setKey("labels").setValue(labelsMetadata));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, model.build().toByteArray());
        return file;
    }

    /** Softmax of image·W, computed in Java. */
    static float[] expected(float[] image, int classes) {
        return LinearSoftmax.probabilities(image, classes, HandBuiltOnnx::weight);
    }

    private static NodeProto.Builder node(String op, String in, String out) {
        return NodeProto.newBuilder().setOpType(op).setName(out).addInput(in).addOutput(out);
    }

    private static ValueInfoProto floatInfo(String name, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(d < 0 ? TensorShapeProto.Dimension.newBuilder().setDimParam("N")
                    : TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape))).build();
    }
}
