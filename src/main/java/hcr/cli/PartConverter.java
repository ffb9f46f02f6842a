package hcr.cli;

import hcr.data.Part;
import java.util.Locale;
import picocli.CommandLine;

/** Reads a part as NIST writes it in file names: train, test, dev, extra. */
final class PartConverter implements CommandLine.ITypeConverter<Part> {
    @Override
    public Part convert(String value) {
        for (Part part : Part.values()) {
            if (part.token().equals(value.toLowerCase(Locale.ROOT))) {
                return part;
            }
        }
        throw new CommandLine.TypeConversionException("'" + value + "' is not a part: use train, test, dev or extra");
    }
}
