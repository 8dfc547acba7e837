package lvsdirector.cli.heartbeat;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import lvsdirector.heartbeat.config.AuthkeysParser;
import lvsdirector.heartbeat.config.ConfigException;
import lvsdirector.heartbeat.wire.AuthKeys;
import lvsdirector.heartbeat.wire.DecodeResult;
import lvsdirector.heartbeat.wire.PacketDecoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code heartbeat decode --authkeys FILE [--summary] [INPUT...]}: decodes heartbeat packets and checks
 * their signatures. Exit status: 0 when every packet is authentic, 1 when some are not, 2 on a usage,
 * input or authkeys error.
 */
@Command(name = "decode", mixinStandardHelpOptions = true, versionProvider = HeartbeatMain.Version.class,
        description = {"Decode heartbeat packets and verify their signatures.",
            "INPUT is a pcap file (Ethernet, Linux cooked or raw IPv4; UDP) or text with one packet in hex per line;",
            "'-' or no INPUT reads standard input."},
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:every packet verified", "1:some packet is malformed or not authentic", "2:usage, input or authkeys error"})
public final class DecodeCommand implements Callable<Integer> {
    static final int SOME_BAD = 1;
    static final int ERROR = 2;

    @Spec
    private CommandSpec spec;

    @Option(names = "--authkeys", required = true, paramLabel = "FILE", description = "heartbeat authkeys file (must be mode 600 or 400)")
    private Path authkeys;

    @Option(names = "--summary", description = "one line per packet: 'ok <t> <src> <seq>' or 'bad <reason>'")
    private boolean summary;

    @Option(names = "--port", defaultValue = "694", paramLabel = "PORT", description = "UDP port of heartbeat packets in pcap input, 0 for any (default: ${DEFAULT-VALUE})")
    private int port;

    @Parameters(paramLabel = "INPUT", arity = "0..*", description = "pcap or hex files")
    private List<String> inputs = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AuthKeys keys;
        List<Datagram> datagrams = new ArrayList<>();
        try {
            keys = AuthkeysParser.read(authkeys);
            for (String input : inputs.isEmpty() ? List.of("-") : inputs) {
                datagrams.addAll(read(input));
            }
        } catch (ConfigException e) {
            err.println("heartbeat decode: " + e.getMessage());
            return ERROR;
        } catch (IOException e) {
            err.println("heartbeat decode: cannot read " + e.getMessage());
            return ERROR;
        }
        PacketDecoder decoder = new PacketDecoder(keys);
        PacketReport report = new PacketReport(out, decoder);
        boolean allOk = true;
        int number = 0;
        for (Datagram d : datagrams) {
            Optional<DecodeResult> result = d.problem().isPresent() ? Optional.empty() : Optional.of(decoder.decode(d.payload()));
            allOk &= result.filter(r -> r instanceof DecodeResult.Accepted).isPresent();
            if (summary) {
                report.summary(d, result);
            } else {
                report.full(++number, d, result);
            }
        }
        out.flush();
        return allOk ? 0 : SOME_BAD;
    }

    private List<Datagram> read(String input) throws IOException {
        String name = input.equals("-") ? "stdin" : Path.of(input).getFileName().toString();
        byte[] content = input.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(input));
        return PcapReader.isPcap(content) ? PcapReader.read(name, content, port) : HexPacketReader.read(name, content);
    }
}
