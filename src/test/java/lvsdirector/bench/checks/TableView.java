package lvsdirector.bench.checks;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lvsdirector.daemon.ControlClient;
import lvsdirector.ipvs.DestinationEntry;
import lvsdirector.ipvs.IpvsException;
import lvsdirector.ipvs.Protocol;
import lvsdirector.ipvs.ServiceKey;
import lvsdirector.ipvs.kernel.IpvsBackends;
import lvsdirector.ipvs.kernel.KernelIpvsBackend;

/** The weights of one virtual service's reals, keyed by real index, as seen from outside the director. */
interface TableView extends AutoCloseable {

    /** Weight per real; a real missing from the table is absent from the map. */
    Map<Integer, Integer> weights(int virtual) throws Exception;

    /** Weight per real of the whole table, in as few requests as the view allows. */
    default Map<Integer, Integer> allWeights(int virtuals) throws Exception {
        Map<Integer, Integer> all = new HashMap<>();
        for (int v = 0; v < virtuals; v++) {
            all.putAll(weights(v));
        }
        return all;
    }

    @Override
    default void close() {}

    static TableView open(String spec) {
        if (spec.startsWith("control:")) {
            return new Control(Path.of(spec.substring("control:".length())));
        }
        if (spec.equals("kernel")) {
            IpvsBackends.Selection selection = IpvsBackends.tryKernel();
            if (!selection.available()) {
                throw new IllegalStateException(selection.unavailableReason());
            }
            return new Kernel(selection.backend());
        }
        throw new IllegalArgumentException("table view must be control:SOCKET or kernel: " + spec);
    }

    static int realIndex(String ripPort) {
        String ip = ripPort.substring(0, ripPort.lastIndexOf(':'));
        String[] octets = ip.split("\\.");
        return Integer.parseInt(octets[2]) * 250 + Integer.parseInt(octets[3]) - 1;
    }

    /** Ours: `lvsadm -L -n -t VIP:80` through the daemon's control socket. */
    record Control(Path socket) implements TableView {
        @Override
        public Map<Integer, Integer> weights(int virtual) throws IOException {
            ControlClient.Reply reply = ControlClient.request(socket,
                    List.of("lvsadm", "-L", "-n", "-t", Layout.vip(virtual) + ":80"));
            if (reply.status() != 0) {
                throw new IOException("lvsadm -L -n -t: " + reply.output());
            }
            Map<Integer, Integer> weights = new HashMap<>();
            for (String line : reply.output().split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 4 && f[0].equals("->") && f[1].startsWith("127.")) {
                    weights.put(realIndex(f[1]), Integer.parseInt(f[3]));
                }
            }
            return weights;
        }

        /** One `lvsadm -S -n` for the whole table: a request per virtual would load the daemon for nothing. */
        @Override
        public Map<Integer, Integer> allWeights(int virtuals) throws IOException {
            ControlClient.Reply reply = ControlClient.request(socket, List.of("lvsadm", "-S", "-n"));
            if (reply.status() != 0) {
                throw new IOException("lvsadm -S -n: " + reply.output());
            }
            Map<Integer, Integer> weights = new HashMap<>();
            for (String line : reply.output().split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 8 && f[0].equals("-a") && f[4].startsWith("127.") && f[6].equals("-w")) {
                    weights.put(realIndex(f[4]), Integer.parseInt(f[7]));
                }
            }
            return weights;
        }
    }

    /** Any director on this kernel: one netlink dump of the service's destinations. */
    record Kernel(KernelIpvsBackend backend) implements TableView {
        @Override
        public Map<Integer, Integer> weights(int virtual) throws IpvsException, IOException {
            ServiceKey key = new ServiceKey.Address(Protocol.TCP, InetAddress.getByName(Layout.vip(virtual)), 80);
            Map<Integer, Integer> weights = new HashMap<>();
            try {
                for (DestinationEntry d : backend.destinations(key)) {
                    weights.put(realIndex(d.destination().address().getHostAddress() + ":0"), d.destination().weight());
                }
            } catch (IpvsException e) {
                if (e.getMessage() != null && e.getMessage().contains("No such service")) {
                    return weights;
                }
                throw e;
            }
            return weights;
        }
    }
}
