package lvsdirector.heartbeat.wire;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One vector of heartbeat-captures/test-vectors.txt (real heartbeat packets with their expected tokens). */
record TestVector(String name, AuthMethod method, String key, byte[] payload, String innerText, String innerToken,
        String outerToken, int signedLength) {

    static final String RESOURCE = "/heartbeat-captures/test-vectors.txt";
    private static final Pattern METHOD = Pattern.compile("method=(\\w+) key='([^']*)'");
    private static final Pattern HEX_LINE = Pattern.compile("\\s+([0-9a-f]+)");
    private static final Pattern INNER = Pattern.compile("(?:expected inner token: |inner token \")([0-9a-f]+)");
    private static final Pattern OUTER = Pattern.compile("(?:expected outer token: |outer token \")([0-9a-f]+)");
    private static final Pattern SIGNED = Pattern.compile("(?:bytes \\[0, |first )(\\d+)");

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    AuthKey authKey() {
        return new AuthKey(1, method, key);
    }

    byte[] innerBytes() {
        return innerText.getBytes(ISO_8859_1);
    }

    @Override
    public String toString() {
        return name;
    }

    static List<TestVector> load() {
        try (InputStream in = TestVector.class.getResourceAsStream(RESOURCE)) {
            return parse(new String(in.readAllBytes(), ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<TestVector> parse(String text) {
        List<TestVector> vectors = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("VECTOR ")) {
                int end = i + 1;
                while (end < lines.length && !lines[end].startsWith("=====")) {
                    end++;
                }
                vectors.add(block(lines, i, end));
                i = end - 1;
            }
        }
        return vectors;
    }

    private static TestVector block(String[] lines, int start, int end) {
        String header = lines[start];
        String name = header.substring("VECTOR ".length(), header.indexOf(':'));
        Matcher m = METHOD.matcher(header);
        AuthMethod method = m.find() ? AuthMethod.ofFileName(m.group(1)).orElseThrow() : AuthMethod.CRC;
        String key = m.find(0) ? m.group(2) : "";
        StringBuilder hex = new StringBuilder();
        String inner = null;
        String innerToken = find(INNER, header);
        String outerToken = find(OUTER, header);
        int signed = -1;
        for (int i = start + 1; i < end; i++) {
            String line = lines[i];
            if (HEX_LINE.matcher(line).matches()) {
                hex.append(line.strip());
            } else if (line.startsWith("-- INNER auth")) {
                inner = lines[++i].strip();
            } else if (line.strip().startsWith("inner text: ")) {
                inner = line.strip().substring("inner text: ".length());
            }
            innerToken = innerToken != null ? innerToken : find(INNER, line);
            outerToken = outerToken != null ? outerToken : find(OUTER, line);
            String s = find(SIGNED, line);
            signed = s != null ? Integer.parseInt(s) : signed;
        }
        return new TestVector(name, method, key, HexFormat.of().parseHex(hex), inner.replace("\\n", "\n"), innerToken, outerToken, signed);
    }

    private static String find(Pattern p, String line) {
        Matcher m = p.matcher(line);
        return m.find() ? m.group(1) : null;
    }
}
