package hcr.data;

/** How many images one part holds, in total and per class: what {@code hcr data info} shows. */
public record PartSummary(Part part, int images, LabelMap labelMap, int[] perClass) {
    public PartSummary {
        perClass = perClass.clone();
    }

    public int count(int label) {
        return perClass[label];
    }

    @Override
    public int[] perClass() {
        return perClass.clone();
    }
}
