package hcr.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streaming card reader reads what databind reads, and says what is wrong with a card that is not one. */
class ModelCardReaderTest {
    private static final ObjectMapper DATABIND = new ObjectMapper();

    @Property(tries = 200)
    void readsWhatDatabindReads(@ForAll("cards") ModelCard card) throws Exception {
        String json = card.toJson();

        ModelCard read = ModelCard.parse(json, "test card");

        assertThat(read).isEqualTo(DATABIND.readValue(json, ModelCard.class)).isEqualTo(card);
    }

    @Test
    void theShippedCardReadsAsDatabindReadsIt() throws Exception {
        Path shipped = Path.of("onnx", ModelCard.FILE_NAME);
        assertThat(ModelCard.read(shipped)).isEqualTo(DATABIND.readValue(shipped.toFile(), ModelCard.class));
    }

    @Test
    void unknownFieldsAndScalarsForStringsAreTakenAsDatabindTakesThem() throws Exception {
        String json = "{\"future\": {\"x\": [1, {\"y\": null}]}, \"version\": 2, \"labels\": [\"a\", 7, true], \"name\": null}";
        assertThat(ModelCard.parse(json, "card")).isEqualTo(DATABIND.readValue(json, ModelCard.class));
    }

    @Test
    void aCardThatIsNotOneSaysWhy(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(ModelCard.FILE_NAME);
        Files.writeString(file, "{\"labels\": [");
        assertThatThrownBy(() -> ModelCard.read(file)).isInstanceOf(ModelException.class)
                .hasMessageStartingWith("model card " + file + " is not valid JSON: ");
        assertThatThrownBy(() -> ModelCard.parse("[1]", "card")).hasMessageContaining("a model card is a JSON object");
        assertThatThrownBy(() -> ModelCard.parse("{\"labels\": \"abc\"}", "card"))
                .hasMessageContaining("'labels' must be a list of strings");
        assertThatThrownBy(() -> ModelCard.parse("{\"labels\": [null]}", "card")).hasMessageContaining("'labels' holds a null");
        assertThatThrownBy(() -> ModelCard.parse("{\"labels\": [\"a\"], \"training\": 3}", "card"))
                .hasMessageContaining("'training' must be an object");
        assertThatThrownBy(() -> ModelCard.parse("{\"name\": \"x\"}", "card")).hasMessage("card lists no labels");
        assertThatThrownBy(() -> ModelCard.parse("{\"labels\": []}", "card")).hasMessage("card lists no labels");
    }

    @Provide
    Arbitrary<ModelCard> cards() {
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(12);
        Arbitrary<String> maybe = text.injectNull(0.2);
        Arbitrary<List<String>> labels = Arbitraries.strings().ofMinLength(1).ofMaxLength(2).list().ofMinSize(1).ofMaxSize(70);
        return Combinators.combine(maybe, maybe, labels, maybe, maybe, maybe, values(2), values(1))
                .as(ModelCard::new);
    }

    /** Free-form maps as cards carry them: nested maps and lists of what JSON holds. */
    private Arbitrary<Map<String, Object>> values(int depth) {
        Arbitrary<Object> scalar = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(8), Arbitraries.integers(),
                Arbitraries.longs().greaterOrEqual(1L << 40), Arbitraries.doubles().between(-1e9, 1e9),
                Arbitraries.of(true, false)).map(v -> (Object) v);
        Arbitrary<Object> value = depth == 0 ? scalar
                : Arbitraries.oneOf(scalar, scalar.list().ofMaxSize(3).map(v -> (Object) v), values(depth - 1).map(v -> (Object) v));
        return Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6), value).ofMaxSize(4)
                .map(LinkedHashMap::new);
    }
}
