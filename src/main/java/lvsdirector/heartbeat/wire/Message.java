package lvsdirector.heartbeat.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A heartbeat message: an ordered list of fields. Order is kept exactly as received or built because
 * both signatures are computed over it. Field names may repeat; lookups return the first match, as
 * heartbeat's own lookup does.
 */
public record Message(List<Field> fields) {

    public static final String TYPE = "t";
    public static final String AUTH = "auth";

    public Message {
        fields = List.copyOf(fields);
    }

    public static Message of(Field... fields) {
        return new Message(List.of(fields));
    }

    /** The first string field with this name. */
    public Optional<String> get(String name) {
        return find(name).filter(f -> f.type() == FieldType.STRING).map(Field::text);
    }

    public Optional<Field> find(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The message type ({@code t=}), or an empty string when the message has none. */
    public String type() {
        return get(TYPE).orElse("");
    }

    public Message with(Field field) {
        List<Field> copy = new ArrayList<>(fields);
        copy.add(field);
        return new Message(copy);
    }

    public Message with(String name, String value) {
        return with(Field.string(name, value));
    }

    /** This message without any field of that name. */
    public Message without(String name) {
        return filtered(f -> !f.name().equals(name));
    }

    Message filtered(Predicate<Field> keep) {
        return new Message(fields.stream().filter(keep).toList());
    }
}
