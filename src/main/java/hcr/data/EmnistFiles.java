package hcr.data;

/** NIST's file names: {@code emnist-<split>-<part>-{images-idx3,labels-idx1}-ubyte[.gz]}, {@code emnist-<split>-mapping.txt}. */
final class EmnistFiles {
    private EmnistFiles() {
    }

    static String images(String split, Part part) {
        return "emnist-" + split + "-" + part.token() + "-images-idx3-ubyte";
    }

    static String labels(String split, Part part) {
        return "emnist-" + split + "-" + part.token() + "-labels-idx1-ubyte";
    }

    static String mapping(String split) {
        return "emnist-" + split + "-mapping.txt";
    }
}
