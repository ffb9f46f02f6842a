package hcr.recognise;

/**
 * One encoded picture handed to the core by a door: its name as the door will report it (an
 * upload's file name, an object key) and its bytes, exactly as received.
 */
public record Picture(String name, byte[] bytes) {
}
