package hcr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code Main.commandLineFor}: a command line builds only the subcommand it names (start-up), and
 * what a user sees is the same as with the whole tree.
 */
class CommandTreeTest {
    private static final List<String> ALL = List.copyOf(Main.SUBCOMMANDS.keySet());

    @Test
    void eachNameIsTheOneItsCommandDeclares() {
        CommandLine full = Main.commandLine();
        assertThat(full.getSubcommands().keySet()).containsExactlyElementsOf(ALL);
        full.getSubcommands().forEach((name, sub) -> assertThat(sub.getCommandSpec().name()).isEqualTo(name));
    }

    @Test
    void aNamedSubcommandIsTheOnlyOneBuilt() {
        assertThat(Main.commandLineFor("infer", "--input", "x").getSubcommands().keySet()).containsExactly("infer");
        assertThat(Main.commandLineFor("--verbose", "serve").getSubcommands().keySet()).containsExactly("serve");
        assertThat(Main.commandLineFor("data", "info").getSubcommands().get("data").getSubcommands().keySet())
                .containsExactly("download", "info", "render");
    }

    @Test
    void theVersionNeedsNoSubcommandAndPrintsTheSame() {
        assertThat(Main.commandLineFor("--version").getSubcommands()).isEmpty();
        assertThat(Main.commandLineFor("--verbose", "-V").getSubcommands()).isEmpty();
        assertThat(output("--version")).isEqualTo(output(Main.commandLine(), "--version"))
                .startsWith("0\nhcr ").contains("Java " + System.getProperty("java.version"));
    }

    @Test
    void helpMisspeltNamesAndArgumentFilesGetTheWholeTree() {
        for (String[] args : List.of(new String[0], new String[] {"--help"}, new String[] {"help", "infer"},
                new String[] {"infr"}, new String[] {"@args.txt"}, new String[] {"--version", "infer"})) {
            assertThat(Main.commandLineFor(args).getSubcommands().keySet()).as(String.join(" ", args))
                    .containsExactlyElementsOf(ALL);
        }
    }

    /** Help and usage errors read the same from the tree a command line builds as from the whole tree. */
    @Property(tries = 40)
    void whatAUserSeesIsTheSame(@ForAll("commandLines") List<String> args) {
        String[] a = args.toArray(String[]::new);
        assertThat(output(a)).isEqualTo(output(Main.commandLine(), a));
    }

    /** Never a command that runs: each ends in --help or an unknown option. */
    @Provide
    Arbitrary<List<String>> commandLines() {
        Arbitrary<List<String>> verbose = Arbitraries.just("--verbose").list().ofMaxSize(1);
        Arbitrary<List<String>> command = Arbitraries.of(ALL).list().ofMaxSize(1);
        Arbitrary<List<String>> options = Arbitraries.of("--verbose", "--top", "0", "--batch-size", "x", "-V", "info").list().ofMaxSize(2);
        Arbitrary<String> last = Arbitraries.of("--help", "--bogus");
        return Combinators.combine(verbose, command, options, last).as((v, c, o, l) -> {
            List<String> all = new ArrayList<>(v);
            all.addAll(c);
            all.addAll(o);
            all.add(l);
            return all;
        });
    }

    private static String output(String... args) {
        return output(Main.commandLineFor(args), args);
    }

    private static String output(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(cl.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)), args);
        return code + "\n" + out + "\n" + err;
    }
}
