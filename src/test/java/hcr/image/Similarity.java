package hcr.image;

/** How close two 28x28 tensors are: mean absolute difference and Pearson correlation. */
record Similarity(double meanAbsoluteDifference, double correlation) {
    static Similarity between(float[] a, float[] b) {
        int n = a.length;
        double meanA = 0;
        double meanB = 0;
        double mad = 0;
        for (int i = 0; i < n; i++) {
            meanA += a[i];
            meanB += b[i];
            mad += Math.abs(a[i] - b[i]);
        }
        meanA /= n;
        meanB /= n;
        double cov = 0;
        double varA = 0;
        double varB = 0;
        for (int i = 0; i < n; i++) {
            cov += (a[i] - meanA) * (b[i] - meanB);
            varA += (a[i] - meanA) * (a[i] - meanA);
            varB += (b[i] - meanB) * (b[i] - meanB);
        }
        double correlation = varA == 0 || varB == 0 ? 0 : cov / Math.sqrt(varA * varB);
        return new Similarity(mad / n, correlation);
    }
}
