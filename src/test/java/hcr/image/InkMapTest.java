package hcr.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class InkMapTest {
    @Test
    void inkIsStrongWherePenWasAndZeroOnPaper() {
        BufferedImage page = Glyphs.Glyph.random(3).draw(200);

        InkMap map = InkMap.of(page);

        assertThat(map.width()).isEqualTo(200);
        assertThat(map.scale()).isEqualTo(1);
        // The glyph's stroke starts at the unit square's corner (50, 50); the page's corner is paper.
        assertThat(map.at(50, 50)).isGreaterThan(0.9f);
        assertThat(map.at(2, 2)).isZero();
    }

    @Test
    void largePhotosAreReducedAndSaySoInTheirScale() {
        InkMap map = InkMap.of(Glyphs.Glyph.random(3).draw(3000));

        assertThat(map.scale()).isEqualTo(3);
        assertThat(map.width()).isEqualTo(1000);
        assertThat(map.ink()).hasSize(1000 * 1000);
    }

    @Test
    void aBlankPageHasNoInkMap() {
        BufferedImage blank = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = blank.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 100, 100);
        g.dispose();

        assertThatThrownBy(() -> InkMap.of(blank)).isInstanceOf(NoInkException.class);
    }
}
