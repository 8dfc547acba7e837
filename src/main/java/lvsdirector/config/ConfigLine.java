package lvsdirector.config;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One physical line of a config file as Perl's readline returns it: the text including its "\n" (absent
 * only on a last line without newline), and its 1-based number.
 */
record ConfigLine(int number, String raw) {

    /** Splits text into lines, keeping each "\n"; "\r" stays part of the line, as in Perl. */
    static List<ConfigLine> split(String text) {
        List<ConfigLine> lines = new ArrayList<>();
        int start = 0;
        int number = 1;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl + 1;
            lines.add(new ConfigLine(number++, text.substring(start, end)));
            start = end;
        }
        return lines;
    }

    /** UTF-8 when the bytes are valid UTF-8, else ISO-8859-1 (byte for byte, as Perl reads them). */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /** The line without its trailing "\n". */
    String text() {
        return raw.endsWith("\n") ? raw.substring(0, raw.length() - 1) : raw;
    }
}
