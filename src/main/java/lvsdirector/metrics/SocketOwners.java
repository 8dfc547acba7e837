package lvsdirector.metrics;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * Finds the owner of a local TCP socket in the kernel's tables ({@code /proc/net/tcp} and {@code tcp6} of
 * this network namespace): the line whose local address is the client's and whose remote address is the
 * server's is the client's end of the connection, and its {@code uid} column is the user that created it.
 * Addresses there are 32-bit words printed in the host's byte order, ports in plain hex.
 */
final class SocketOwners {
    private final Supplier<List<String>> tables;
    private final ByteOrder order;

    /** The tables of this network namespace, read at each lookup. */
    static SocketOwners system() {
        return new SocketOwners(SocketOwners::systemTables, ByteOrder.nativeOrder());
    }

    /** The texts of {@code /proc/net/tcp} and {@code /proc/net/tcp6}, read now. */
    static List<String> systemTables() {
        return List.of(readOrEmpty(Path.of("/proc/net/tcp")), readOrEmpty(Path.of("/proc/net/tcp6")));
    }

    SocketOwners(Supplier<List<String>> tables, ByteOrder order) {
        this.tables = tables;
        this.order = order;
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            return ""; // no IPv6 in this kernel
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The uid owning the client end of the connection from {@code client} to {@code server}; empty if not local. */
    OptionalInt ownerOf(InetSocketAddress client, InetSocketAddress server) {
        List<String> clientForms = forms(client.getAddress());
        List<String> serverForms = forms(server.getAddress());
        for (String table : tables.get()) {
            // tables can hold tens of thousands of lines: search the text, split only the line found
            for (int form = 0; form < clientForms.size(); form++) {
                String needle = " " + clientForms.get(form) + port(client) + " " + serverForms.get(form) + port(server) + " ";
                int at = table.indexOf(needle);
                if (at >= 0) {
                    int start = table.lastIndexOf('\n', at) + 1;
                    int end = table.indexOf('\n', at);
                    String[] fields = table.substring(start, end < 0 ? table.length() : end).trim().split("\\s+");
                    return OptionalInt.of(Integer.parseInt(fields[7]));
                }
            }
        }
        return OptionalInt.empty();
    }

    private static String port(InetSocketAddress address) {
        return String.format(":%04X", address.getPort());
    }

    /**
     * How an address appears in the tables: an IPv4 one in {@code tcp}, and IPv4-mapped in {@code tcp6} (an
     * IPv6 socket talking IPv4); an IPv6 one (in {@code tcp6} only) twice, so both lists have the same length.
     */
    private List<String> forms(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(bytes, 0, mapped, 12, 4);
            return List.of(hex(bytes), hex(mapped));
        }
        return List.of(hex(bytes), hex(bytes));
    }

    /** Each 32-bit word as the kernel prints it: the word read in host byte order, in %08X. */
    private String hex(byte[] address) {
        ByteBuffer words = ByteBuffer.wrap(address).order(order);
        StringBuilder text = new StringBuilder();
        while (words.hasRemaining()) {
            text.append(String.format("%08X", words.getInt()));
        }
        return text.toString();
    }
}
