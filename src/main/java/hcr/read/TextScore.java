package hcr.read;

/**
 * How far a read string is from the truth: the edit distance (insertions, deletions, substitutions
 * of one character each) and how many of its substitutions only got the case wrong (c for C).
 */
public record TextScore(int length, int edits, int caseErrors, boolean exact, boolean countRight) {

    public static TextScore of(String truth, String read) {
        int n = truth.length();
        int m = read.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int substitute = d[i - 1][j - 1] + (truth.charAt(i - 1) == read.charAt(j - 1) ? 0 : 1);
                d[i][j] = Math.min(substitute, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
            }
        }
        // Walk one optimal alignment back, counting substitutions that differ only in case.
        int caseErrors = 0;
        for (int i = n, j = m; i > 0 || j > 0; ) {
            if (i > 0 && j > 0) {
                char t = truth.charAt(i - 1);
                char r = read.charAt(j - 1);
                if (d[i][j] == d[i - 1][j - 1] + (t == r ? 0 : 1)) {
                    if (t != r && Character.toLowerCase(t) == Character.toLowerCase(r)) {
                        caseErrors++;
                    }
                    i--;
                    j--;
                    continue;
                }
            }
            if (i > 0 && d[i][j] == d[i - 1][j] + 1) {
                i--;
            } else {
                j--;
            }
        }
        return new TextScore(n, d[n][m], caseErrors, truth.equals(read), n == m);
    }
}
