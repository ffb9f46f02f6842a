package hcr.read;

import static org.assertj.core.api.Assertions.assertThat;

import hcr.image.InkMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentationTest {
    @Test
    void blobsOnTwoBandsMakeTwoLinesReadLeftToRight() {
        InkMap map = new Inks(120, 80).rect(60, 5, 6, 20).rect(10, 6, 6, 20).rect(30, 45, 6, 20).map();
        List<List<Piece>> lines = LineFinder.lines(Components.of(map));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).extracting(p -> p.box().x()).containsExactly(10, 60);
        assertThat(lines.get(1)).extracting(p -> p.box().x()).containsExactly(30);
    }

    @Test
    void aSlantedLineStaysOneLine() {
        Inks inks = new Inks(200, 80);
        for (int k = 0; k < 8; k++) {
            inks.rect(10 + 22 * k, 10 + 3 * k, 8, 24); // drops 21 px over the line, most of a character height
        }
        assertThat(LineFinder.lines(Components.of(inks.map()))).hasSize(1);
    }

    @Test
    void specksAreNotBlobs() {
        InkMap map = new Inks(40, 40).rect(5, 5, 1, 2).rect(20, 10, 5, 20).map();
        assertThat(Components.of(map)).hasSize(1);
    }

    @Test
    void aDotAboveAStemJoinsIt() {
        InkMap map = new Inks(60, 60).rect(20, 5, 4, 4).rect(20, 14, 4, 30).rect(35, 14, 14, 30).map();
        List<Piece> atoms = Oversegmenter.atoms(LineFinder.lines(Components.of(map)).get(0), map);
        assertThat(atoms).hasSize(2);
        assertThat(atoms.get(0).box()).isEqualTo(new Box(20, 5, 4, 39));
    }

    @Test
    void twoTouchingCharactersAreCutAtTheirThinJoin() {
        // Two 20x30 rings joined by a 2-pixel bar at mid height: the cut belongs in the bar.
        Inks inks = new Inks(80, 50);
        ring(inks, 10, 10);
        ring(inks, 34, 10);
        inks.rect(30, 24, 4, 2);
        InkMap map = inks.map();
        List<Piece> atoms = Oversegmenter.atoms(LineFinder.lines(Components.of(map)).get(0), map);
        assertThat(atoms).hasSizeGreaterThanOrEqualTo(2);
        assertThat(atoms).anySatisfy(a -> assertThat(a.box().right()).isBetween(30, 35));
        assertThat(atoms).allSatisfy(a -> assertThat(a.blob()).isEqualTo(atoms.get(0).blob()));
    }

    private static void ring(Inks inks, int x, int y) {
        inks.rect(x, y, 20, 3).rect(x, y + 27, 20, 3).rect(x, y, 3, 30).rect(x + 17, y, 3, 30);
    }

    @Test
    void theBestPathSumsTheScoresOfItsRuns() {
        List<PathDecoder.Run> runs = List.of(
                new PathDecoder.Run(0, 1, new Box(0, 0, 1, 1)),
                new PathDecoder.Run(0, 2, new Box(0, 0, 2, 1)),
                new PathDecoder.Run(1, 1, new Box(1, 0, 1, 1)),
                new PathDecoder.Run(2, 1, new Box(2, 0, 1, 1)));
        // Apart: -1 + -1 + -1 = -3; joined first two: -0.5 + -1 = -1.5.
        assertThat(PathDecoder.bestPath(3, runs, new double[] {-1, -0.5, -1, -1})).containsExactly(1, 3);
        assertThat(PathDecoder.bestPath(3, runs, new double[] {-1, -5, -1, -1})).containsExactly(0, 2, 3);
    }

    @Test
    void wordsSplitAtAGapWideAgainstTheLineAndItsUsualGaps() {
        List<ReadCharacter> chars = List.of(at(0), at(25), at(50), at(110), at(135));
        assertThat(WordGaps.split(chars, 30)).extracting(Word::text).containsExactly("xxx", "xx");
        assertThat(WordGaps.split(chars.subList(0, 3), 30)).hasSize(1);
    }

    private static ReadCharacter at(int x) {
        return new ReadCharacter(new Box(x, 0, 20, 30), List.of(new hcr.recognise.Candidate("x", 0.9f)));
    }
}
