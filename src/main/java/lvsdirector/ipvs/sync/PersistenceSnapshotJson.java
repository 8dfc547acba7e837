package lvsdirector.ipvs.sync;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import lvsdirector.support.InetAddrs;

/**
 * The snapshot as the {@code persistence.json} payload: {@code {"format":1,"node":…,"written_at_ms":…,
 * "templates":[{"proto","client","vip","vport","fwmark","rs","rport","state","expires_at_ms"}]}}.
 * Readers reject any other format number.
 */
public final class PersistenceSnapshotJson {
    public static final int FORMAT = 1;

    private PersistenceSnapshotJson() {}

    public static JsonObject toJson(PersistenceSnapshot snapshot) {
        JsonArray templates = new JsonArray();
        for (PersistenceTemplate t : snapshot.templates()) {
            templates.add(new JsonObject()
                    .put("proto", t.protocol().name())
                    .put("client", InetAddrs.numeric(t.client()))
                    .put("vip", InetAddrs.numeric(t.virtualAddress()))
                    .put("vport", t.virtualPort())
                    .put("fwmark", Integer.toUnsignedLong(t.fwmark()))
                    .put("rs", InetAddrs.numeric(t.real()))
                    .put("rport", t.realPort())
                    .put("state", t.state())
                    .put("expires_at_ms", t.expiresAtMs()));
        }
        return new JsonObject()
                .put("format", FORMAT)
                .put("node", snapshot.node())
                .put("written_at_ms", snapshot.takenAtMs())
                .put("templates", templates);
    }

    public static String encode(PersistenceSnapshot snapshot) {
        return toJson(snapshot).encodePrettily();
    }

    public static PersistenceSnapshot decode(String text) throws SnapshotFormatException {
        JsonObject json;
        try {
            json = new JsonObject(text);
        } catch (DecodeException e) {
            throw new SnapshotFormatException("persistence snapshot is not a JSON object: " + e.getMessage(), e);
        }
        return fromJson(json);
    }

    public static PersistenceSnapshot fromJson(JsonObject json) throws SnapshotFormatException {
        try {
            Object format = json.getValue("format");
            if (!(format instanceof Number n) || n.intValue() != FORMAT || n.doubleValue() != FORMAT) {
                throw new SnapshotFormatException("unknown persistence snapshot format " + format + ", expected " + FORMAT);
            }
            String node = required(json.getString("node"), "node");
            long writtenAt = required(json.getLong("written_at_ms"), "written_at_ms");
            JsonArray array = required(json.getJsonArray("templates"), "templates");
            List<PersistenceTemplate> templates = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                templates.add(template(array.getJsonObject(i), i));
            }
            return new PersistenceSnapshot(node, writtenAt, templates);
        } catch (ClassCastException e) {
            throw new SnapshotFormatException("persistence snapshot field of the wrong type: " + e.getMessage(), e);
        }
    }

    private static PersistenceTemplate template(JsonObject t, int index) throws SnapshotFormatException {
        String where = "templates[" + index + "]";
        if (t == null) {
            throw new SnapshotFormatException(where + " is null");
        }
        try {
            String proto = required(t.getString("proto"), where + ".proto");
            TemplateProtocol protocol = TemplateProtocol.ofLabel(proto)
                    .orElseThrow(() -> new SnapshotFormatException(where + ".proto: unknown protocol " + proto));
            long fwmark = required(t.getLong("fwmark"), where + ".fwmark");
            if (fwmark < 0 || fwmark > 0xffffffffL) {
                throw new SnapshotFormatException(where + ".fwmark out of range: " + fwmark);
            }
            return new PersistenceTemplate(protocol,
                    address(t, "client", where), address(t, "vip", where),
                    required(t.getInteger("vport"), where + ".vport"), (int) fwmark,
                    address(t, "rs", where), required(t.getInteger("rport"), where + ".rport"),
                    required(t.getString("state"), where + ".state"),
                    required(t.getLong("expires_at_ms"), where + ".expires_at_ms"));
        } catch (IllegalArgumentException e) {
            throw new SnapshotFormatException(where + ": " + e.getMessage(), e);
        }
    }

    private static InetAddress address(JsonObject t, String field, String where) throws SnapshotFormatException {
        String text = required(t.getString(field), where + "." + field);
        if (!text.matches("[0-9a-fA-F:.]+") || !(text.contains(".") || text.contains(":"))) {
            throw new SnapshotFormatException(where + "." + field + ": not a numeric address: " + text);
        }
        try {
            return InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new SnapshotFormatException(where + "." + field + ": not a numeric address: " + text, e);
        }
    }

    private static <T> T required(T value, String field) throws SnapshotFormatException {
        if (value == null) {
            throw new SnapshotFormatException("persistence snapshot lacks " + field);
        }
        return value;
    }
}
