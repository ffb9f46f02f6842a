package hcr.export;

import static hcr.export.OnnxGraphBuilder.integer;
import static hcr.export.OnnxGraphBuilder.ints;

import hcr.export.Value.Activation;
import hcr.export.Value.FloatConstant;
import hcr.export.Value.IntConstant;
import hcr.export.onnx.proto.GraphProto;
import hcr.image.EmnistTensor;
import hcr.runtime.ModelCard;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.NodeDef;

/**
 * Translates a SavedModel's serving graph to ONNX node by node: it walks back from the signature's
 * output to its input, turns constants and variable reads into initializers, and keeps activations
 * in NCHW after a single input Transpose (filters and the first dense layer's rows absorb the layout
 * change instead of more Transposes).
 */
final class TfToOnnxConverter {
    private static final long[] INPUT_SHAPE = {-1, EmnistTensor.SIDE, EmnistTensor.SIDE, 1};

    private final ServingGraph tf;
    private final OnnxGraphBuilder onnx = new OnnxGraphBuilder();
    private final Map<TensorRef, Value> converted = new HashMap<>();

    private TfToOnnxConverter(ServingGraph tf) {
        this.tf = tf;
    }

    /** The converted graph: input {@value ModelCard#INPUT} [N,28,28,1], output {@value ModelCard#OUTPUT} [N,classes]. */
    static GraphProto convert(ServingGraph tf, int classes, String docString) {
        return new TfToOnnxConverter(tf).run(classes, docString);
    }

    private GraphProto run(int classes, String docString) {
        TensorRef outputRef = tf.output();
        if (!(valueOf(outputRef) instanceof Activation out)) {
            throw new ExportException("the model's output does not depend on its input");
        }
        long[] shape = out.tfShape();
        if (!(out.layout() instanceof Layout.Plain) || shape.length != 2 || shape[1] != classes) {
            throw new ExportException("the model's output has shape " + Arrays.toString(shape)
                    + "; expected [N," + classes + "] (one probability per label of the model card)");
        }
        if (!onnx.produces(out.name())) {
            throw new ExportException("the model's output is its input: nothing to export");
        }
        onnx.rename(out.name(), ModelCard.OUTPUT);
        onnx.output(ModelCard.OUTPUT, -1, classes);
        return onnx.build("hcr", docString);
    }

    private Value valueOf(TensorRef ref) {
        Value known = converted.get(ref);
        if (known == null) {
            known = translate(tf.node(ref.node()), ref);
            converted.put(ref, known);
        }
        return known;
    }

    private Value translate(NodeDef node, TensorRef ref) {
        if (ref.index() != 0) {
            throw new ExportException("output " + ref.index() + " of TF op '" + node.getOp() + "' (node '"
                    + node.getName() + "') has no ONNX translation");
        }
        return switch (node.getOp()) {
            case "Placeholder" -> input(node, ref);
            case "Const", "ReadVariableOp", "VariableV2" -> tf.constant(ref);
            case "Identity" -> valueOf(inputs(node).get(0));
            case "Conv2D" -> conv2d(node, ref);
            case "MaxPool", "MaxPoolV2" -> maxPool(node, ref);
            case "BiasAdd", "Add", "AddV2" -> add(node, ref);
            case "Relu" -> relu(node, ref);
            case "Softmax" -> softmax(node, ref);
            case "Reshape" -> reshape(node, ref);
            case "MatMul" -> matMul(node, ref);
            default -> throw new UnsupportedOpException(node.getOp(), node.getName());
        };
    }

    /** The model's only input, transposed once to NCHW for ONNX's Conv and MaxPool. */
    private Value input(NodeDef node, TensorRef ref) {
        if (!ref.equals(tf.input())) {
            throw new ExportException("the graph needs placeholder '" + node.getName()
                    + "' besides the signature's input '" + tf.input().node() + "'");
        }
        long[] shape = tf.shape(ref);
        if (shape.length != 4 || shape[1] != INPUT_SHAPE[1] || shape[2] != INPUT_SHAPE[2] || shape[3] != INPUT_SHAPE[3]) {
            throw new ExportException("the model's input '" + ModelCard.INPUT + "' has shape " + Arrays.toString(shape)
                    + "; hcr models take float32 [N,28,28,1]");
        }
        if (!"DT_FLOAT".equals(node.getAttrOrThrow("dtype").getType().name())) {
            throw new ExportException("the model's input '" + ModelCard.INPUT + "' is " + node.getAttrOrThrow("dtype").getType()
                    + "; hcr models take float32 [N,28,28,1]");
        }
        onnx.input(ModelCard.INPUT, INPUT_SHAPE);
        String nchw = onnx.node("Transpose", "image_nchw", List.of(ModelCard.INPUT), ints("perm", 0, 3, 1, 2));
        return new Activation(nchw, Layout.NCHW, shape);
    }

    private Value conv2d(NodeDef node, TensorRef ref) {
        requireNhwc(node);
        Activation x = activation(node, 0, Layout.Nchw.class);
        FloatTensor filters = floatConstant(node, 1).tensor();
        long[] kernel = {filters.shape()[0], filters.shape()[1]};
        long[] strides = spatial(node, "strides");
        long[] dilations = node.containsAttr("dilations") ? spatial(node, "dilations") : new long[] {1, 1};
        String w = onnx.initializer(node.getName() + "/filters_oihw", filters.hwioToOihw());
        String y = onnx.node("Conv", node.getName(), List.of(x.name(), w),
                ints("kernel_shape", kernel), ints("strides", strides), ints("dilations", dilations),
                ints("pads", pads(node, x, kernel, strides, dilations)), integer("group", 1));
        return new Activation(y, Layout.NCHW, tf.shape(ref));
    }

    /** MaxPool has its window in attributes; MaxPoolV2 (what TF Java's Ops builds) takes it as inputs. */
    private Value maxPool(NodeDef node, TensorRef ref) {
        requireNhwc(node);
        Activation x = activation(node, 0, Layout.Nchw.class);
        boolean v2 = node.getOp().equals("MaxPoolV2");
        long[] kernel = v2 ? spatial(node, "ksize", intConstant(node, 1)) : spatial(node, "ksize");
        long[] strides = v2 ? spatial(node, "strides", intConstant(node, 2)) : spatial(node, "strides");
        String y = onnx.node("MaxPool", node.getName(), List.of(x.name()),
                ints("kernel_shape", kernel), ints("strides", strides),
                ints("pads", pads(node, x, kernel, strides, new long[] {1, 1})));
        return new Activation(y, Layout.NCHW, tf.shape(ref));
    }

    /** BiasAdd, and Add of a computed tensor with a constant (bias) or with another computed tensor. */
    private Value add(NodeDef node, TensorRef ref) {
        if (node.getOp().equals("BiasAdd")) {
            requireNhwc(node);
        }
        List<TensorRef> in = inputs(node);
        Value a = valueOf(in.get(0));
        Value b = valueOf(in.get(1));
        if (a instanceof FloatConstant && b instanceof Activation) {
            Value swap = a;
            a = b;
            b = swap;
        }
        if (a instanceof Activation x && b instanceof FloatConstant bias) {
            String c = onnx.initializer(node.getName() + "/bias", biasFor(x, bias.tensor(), node));
            return new Activation(onnx.node("Add", node.getName(), List.of(x.name(), c)), x.layout(), tf.shape(ref));
        }
        if (a instanceof Activation x && b instanceof Activation y && x.layout().equals(y.layout())) {
            return new Activation(onnx.node("Add", node.getName(), List.of(x.name(), y.name())), x.layout(), tf.shape(ref));
        }
        throw new ExportException("TF op '" + node.getOp() + "' (node '" + node.getName()
                + "') adds operands the ONNX converter cannot line up");
    }

    /** A per-channel bias re-ordered to broadcast the way TF's does over the converted tensor. */
    private static FloatTensor biasFor(Activation x, FloatTensor bias, NodeDef node) {
        if (bias.rank() == 0 || x.layout() instanceof Layout.Plain) {
            return bias;
        }
        if (bias.rank() == 1 && x.layout() instanceof Layout.Nchw) {
            return bias.reshaped(bias.shape()[0], 1, 1);
        }
        if (bias.rank() == 1 && x.layout() instanceof Layout.FlattenedChw f) {
            return bias.reshaped(bias.shape()[0], 1).rowsFromHwcToChw(f.height(), f.width(), f.channels()).reshaped(bias.shape()[0]);
        }
        throw new ExportException("the bias of node '" + node.getName() + "' has shape " + Arrays.toString(bias.shape())
                + "; only per-channel biases are exported");
    }

    /** Relu works element by element, so it keeps whatever layout its input has. */
    private Value relu(NodeDef node, TensorRef ref) {
        Activation x = activation(node, 0, Layout.class);
        return new Activation(onnx.node("Relu", node.getName(), List.of(x.name())), x.layout(), tf.shape(ref));
    }

    /** Softmax works along the last axis, so its input must be in TF's own element order. */
    private Value softmax(NodeDef node, TensorRef ref) {
        Activation x = activation(node, 0, Layout.Plain.class);
        return new Activation(onnx.node("Softmax", node.getName(), List.of(x.name()), integer("axis", -1)), Layout.PLAIN, tf.shape(ref));
    }

    /**
     * Flattening an NCHW image is a Flatten whose element order the next dense layer absorbs; any
     * other reshape of a plain tensor is an ONNX Reshape.
     */
    private Value reshape(NodeDef node, TensorRef ref) {
        Activation x = activation(node, 0, Layout.class);
        long[] target = intConstant(node, 1);
        long[] out = tf.shape(ref);
        if (x.layout() instanceof Layout.Nchw && out.length == 2 && x.rank() == 4) {
            long[] s = x.tfShape();
            if (s[1] < 0 || s[2] < 0 || s[3] < 0 || out[1] != s[1] * s[2] * s[3]) {
                throw new ExportException("Reshape node '" + node.getName() + "' does not flatten each image: "
                        + Arrays.toString(s) + " → " + Arrays.toString(out));
            }
            String y = onnx.node("Flatten", node.getName(), List.of(x.name()), integer("axis", 1));
            return new Activation(y, new Layout.FlattenedChw((int) s[1], (int) s[2], (int) s[3]), out);
        }
        if (!(x.layout() instanceof Layout.Plain)) {
            throw new ExportException("Reshape node '" + node.getName() + "' reshapes an image other than by flattening it");
        }
        String shape = onnx.int64Initializer(node.getName() + "/shape", target);
        return new Activation(onnx.node("Reshape", node.getName(), List.of(x.name(), shape)), Layout.PLAIN, out);
    }

    private Value matMul(NodeDef node, TensorRef ref) {
        if (node.getAttrOrDefault("transpose_a", AttrValue.getDefaultInstance()).getB()) {
            throw new ExportException("MatMul node '" + node.getName() + "' transposes its input; not exported");
        }
        Activation x = activation(node, 0, Layout.class);
        FloatTensor weights = floatConstant(node, 1).tensor();
        if (node.getAttrOrDefault("transpose_b", AttrValue.getDefaultInstance()).getB()) {
            weights = weights.transposed2d();
        }
        if (x.layout() instanceof Layout.FlattenedChw f) {
            weights = weights.rowsFromHwcToChw(f.height(), f.width(), f.channels());
        } else if (!(x.layout() instanceof Layout.Plain)) {
            throw new ExportException("MatMul node '" + node.getName() + "' multiplies an unflattened image");
        }
        String w = onnx.initializer(node.getName() + "/weights", weights);
        return new Activation(onnx.node("MatMul", node.getName(), List.of(x.name(), w)), Layout.PLAIN, tf.shape(ref));
    }

    private long[] pads(NodeDef node, Activation x, long[] kernel, long[] strides, long[] dilations) {
        long[] hw = {x.tfShape()[1], x.tfShape()[2]};
        if (hw[0] < 0 || hw[1] < 0) {
            throw new ExportException("node '" + node.getName() + "' has an input of unknown height or width");
        }
        return TfPadding.onnxPads(node.getAttrOrThrow("padding").getS().toStringUtf8(), hw, kernel, strides, dilations);
    }

    private List<TensorRef> inputs(NodeDef node) {
        List<TensorRef> refs = new ArrayList<>();
        for (String in : node.getInputList()) {
            TensorRef ref = TensorRef.parse(in);
            if (!ref.control()) {
                refs.add(ref);
            }
        }
        return refs;
    }

    private Activation activation(NodeDef node, int input, Class<? extends Layout> layout) {
        Value v = valueOf(inputs(node).get(input));
        if (v instanceof Activation a && layout.isInstance(a.layout())) {
            return a;
        }
        throw new ExportException("input " + input + " of TF op '" + node.getOp() + "' (node '" + node.getName()
                + "') is not in a form the ONNX converter translates (" + describe(v) + ")");
    }

    private FloatConstant floatConstant(NodeDef node, int input) {
        Value v = valueOf(inputs(node).get(input));
        if (v instanceof FloatConstant c) {
            return c;
        }
        throw new ExportException("input " + input + " of TF op '" + node.getOp() + "' (node '" + node.getName()
                + "') must be a float32 constant or variable (" + describe(v) + ")");
    }

    private static String describe(Value v) {
        if (v instanceof Activation a) {
            return "a computed tensor in layout " + a.layout().getClass().getSimpleName();
        }
        return v instanceof FloatConstant ? "a float constant" : "an integer constant";
    }

    private static void requireNhwc(NodeDef node) {
        AttrValue format = node.getAttrOrDefault("data_format", AttrValue.getDefaultInstance());
        String f = format.getS().toStringUtf8();
        if (!f.isEmpty() && !f.equals("NHWC")) {
            throw new ExportException("node '" + node.getName() + "' uses data format " + f + "; only NHWC graphs are exported");
        }
    }

    /** The height and width entries of an NHWC attribute such as strides [1, sh, sw, 1]. */
    private static long[] spatial(NodeDef node, String attr) {
        return spatial(node, attr, node.getAttrOrThrow(attr).getList().getIList().stream().mapToLong(Long::longValue).toArray());
    }

    private static long[] spatial(NodeDef node, String what, long[] nhwc) {
        if (nhwc.length != 4 || nhwc[0] != 1 || nhwc[3] != 1) {
            throw new ExportException("node '" + node.getName() + "' has " + what + " " + Arrays.toString(nhwc)
                    + "; only [1, h, w, 1] is exported");
        }
        return new long[] {nhwc[1], nhwc[2]};
    }

    private long[] intConstant(NodeDef node, int input) {
        Value v = valueOf(inputs(node).get(input));
        if (v instanceof IntConstant c) {
            return c.values();
        }
        throw new ExportException("input " + input + " of TF op '" + node.getOp() + "' (node '" + node.getName()
                + "') must be an integer constant (" + describe(v) + ")");
    }
}
