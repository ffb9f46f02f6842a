package hcr.cli;

import hcr.recognise.Charset;
import picocli.CommandLine;

/** Reads {@code --charset}: a named set or a list such as {@code 0-9A-F}; a bad spelling is a usage error. */
final class CharsetConverter implements CommandLine.ITypeConverter<Charset> {
    @Override
    public Charset convert(String value) {
        try {
            return Charset.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
