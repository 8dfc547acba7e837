package lvsdirector.heartbeat.wire;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One message field. Values are raw bytes (heartbeat values are byte strings; binary ones may hold any
 * byte); string values map one byte to one char (ISO-8859-1), so text round trips byte-exactly.
 */
public record Field(String name, FieldType type, byte[] value) {

    public Field {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("field name must not be empty");
        }
        if (name.indexOf('=') >= 0) {
            throw new IllegalArgumentException("field name must not contain '=': " + name);
        }
        if (type == null || value == null) {
            throw new IllegalArgumentException("field type and value are required");
        }
        value = value.clone();
    }

    public static Field string(String name, String value) {
        return new Field(name, FieldType.STRING, value.getBytes(ISO_8859_1));
    }

    public static Field binary(String name, byte[] value) {
        return new Field(name, FieldType.BINARY, value);
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /** The value as text (one char per byte). */
    public String text() {
        return new String(value, ISO_8859_1);
    }

    int length() {
        return value.length;
    }

    byte[] rawValue() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Field f && name.equals(f.name) && type == f.type && Arrays.equals(value, f.value);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + type.hashCode()) + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return type == FieldType.STRING ? name + "=" + text() : "(" + type.digit() + ")" + name + "=0x" + HexFormat.of().formatHex(value);
    }
}
