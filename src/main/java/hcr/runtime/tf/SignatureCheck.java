package hcr.runtime.tf;

import hcr.image.EmnistTensor;
import hcr.runtime.ModelCard;
import hcr.runtime.ModelException;
import java.nio.file.Path;
import java.util.Arrays;
import org.tensorflow.Signature;
import org.tensorflow.proto.DataType;

/**
 * Checks a serving signature against hcr's tensor contract and the model card, so a wrong
 * model fails at load with a sentence, not on the first image with a TF stack trace.
 */
record SignatureCheck(Signature signature, Path dir) {
    private static final long[] INPUT_SHAPE = {-1, EmnistTensor.SIDE, EmnistTensor.SIDE, 1};

    static SignatureCheck of(Signature signature, Path dir) {
        return new SignatureCheck(signature, dir);
    }

    void requireContract(ModelCard card) {
        Signature.TensorDescription input = tensor(signature.getInputs().get(ModelCard.INPUT), "input", ModelCard.INPUT);
        Signature.TensorDescription output = tensor(signature.getOutputs().get(ModelCard.OUTPUT), "output", ModelCard.OUTPUT);
        long[] inputShape = input.shape.asArray();
        if (input.dataType != DataType.DT_FLOAT || !Arrays.equals(inputShape, INPUT_SHAPE)) {
            throw new ModelException("SavedModel " + dir + " takes input '" + ModelCard.INPUT + "' as "
                    + describe(input) + "; hcr feeds float32 " + Arrays.toString(INPUT_SHAPE));
        }
        long[] outputShape = output.shape.asArray();
        if (output.dataType != DataType.DT_FLOAT || outputShape == null || outputShape.length != 2) {
            throw new ModelException("SavedModel " + dir + " gives output '" + ModelCard.OUTPUT + "' as "
                    + describe(output) + "; hcr expects float32 [-1, classes]");
        }
        long width = outputShape[1];
        if (width != card.labels().size()) {
            throw new ModelException("model card in " + dir + " lists " + card.labels().size()
                    + " labels but the model outputs " + width + " probabilities");
        }
    }

    private Signature.TensorDescription tensor(Signature.TensorDescription description, String kind, String name) {
        if (description == null) {
            throw new ModelException("SavedModel " + dir + " signature '" + signature.key() + "' has no " + kind
                    + " named '" + name + "' (it has inputs " + signature.inputNames()
                    + ", outputs " + signature.outputNames() + ")");
        }
        return description;
    }

    private static String describe(Signature.TensorDescription d) {
        long[] shape = d.shape.asArray();
        return d.dataType.name() + " " + (shape == null ? "(unknown rank)" : Arrays.toString(shape));
    }
}
