package hcr.recognise;

/** What became of one picture: recognised, or refused with a short, specific reason. */
public sealed interface Outcome {

    /** The picture's name, as the door gave it. */
    String name();

    record Recognised(String name, Recognition recognition) implements Outcome {
    }

    record Failed(String name, String reason) implements Outcome {
    }
}
