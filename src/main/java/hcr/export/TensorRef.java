package hcr.export;

/** A TF tensor reference as GraphDef writes it: "node", "node:1", or "^node" for a control input. */
record TensorRef(String node, int index, boolean control) {

    static TensorRef parse(String ref) {
        if (ref.startsWith("^")) {
            return new TensorRef(ref.substring(1), 0, true);
        }
        int colon = ref.lastIndexOf(':');
        if (colon > 0 && ref.substring(colon + 1).chars().allMatch(Character::isDigit) && colon < ref.length() - 1) {
            return new TensorRef(ref.substring(0, colon), Integer.parseInt(ref.substring(colon + 1)), false);
        }
        return new TensorRef(ref, 0, false);
    }

    @Override
    public String toString() {
        return node + ":" + index;
    }
}
