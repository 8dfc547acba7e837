package lvsdirector.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import lvsdirector.logging.LdirectordAppender;
import lvsdirector.netlink.unix.UnixDatagramSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a supervising systemd about the daemon's state (sd_notify protocol): one datagram of
 * newline-separated {@code KEY=value} assignments to the AF_UNIX socket named by {@code NOTIFY_SOCKET}.
 * Without that variable (not started by a Type=notify unit) every call does nothing. A failing send is
 * logged once and never disturbs the daemon: systemd then times the unit out, which is the right signal.
 */
public final class SdNotify implements AutoCloseable {
    public static final String ENVIRONMENT_VARIABLE = "NOTIFY_SOCKET";
    private static final Logger LOG = LoggerFactory.getLogger(LdirectordAppender.LDIRECTORD_LOGGER);
    private static final SdNotify DISABLED = new SdNotify(null, null);

    /** Where the datagrams go; replaceable in tests. */
    @FunctionalInterface
    public interface Transport {
        void send(byte[] datagram) throws IOException;

        default void close() {}
    }

    private final String socket;
    private final Transport transport;
    private final AtomicBoolean failureLogged = new AtomicBoolean();

    SdNotify(String socket, Transport transport) {
        this.socket = socket;
        this.transport = transport;
    }

    /** The notifier for this process: active when NOTIFY_SOCKET names a socket, else disabled. */
    public static SdNotify fromEnvironment() {
        return forSocket(System.getenv(ENVIRONMENT_VARIABLE));
    }

    /** A notifier for {@code socket} (a path, or "@name" in the abstract namespace); null or blank disables it. */
    public static SdNotify forSocket(String socket) {
        if (socket == null || socket.isBlank()) {
            return DISABLED;
        }
        if (!socket.startsWith("/") && !socket.startsWith("@")) {
            LOG.info("ignoring " + ENVIRONMENT_VARIABLE + "=" + socket + ": neither an absolute path nor an abstract name (@...)");
            return DISABLED;
        }
        UnixDatagramSender sender = new UnixDatagramSender(socket);
        return new SdNotify(socket, new Transport() {
            @Override
            public void send(byte[] datagram) throws IOException {
                sender.send(datagram);
            }

            @Override
            public void close() {
                sender.close();
            }
        });
    }

    public static SdNotify disabled() {
        return DISABLED;
    }

    public boolean enabled() {
        return transport != null;
    }

    /** Start-up (or a reload) has finished; names the main pid so a wrapper's pid does not count. */
    public void ready(long mainPid, String status) {
        send("READY=1\nMAINPID=" + mainPid + "\nSTATUS=" + oneLine(status));
    }

    /** A reload begins; READY=1 must follow when it is done. */
    public void reloading(String status) {
        long monotonicMicros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime());
        send("RELOADING=1\nMONOTONIC_USEC=" + monotonicMicros + "\nSTATUS=" + oneLine(status));
    }

    /** The daemon is stopping (cleanup in progress). */
    public void stopping(String status) {
        send("STOPPING=1\nSTATUS=" + oneLine(status));
    }

    /** A free-form status line for {@code systemctl status}. */
    public void status(String status) {
        send("STATUS=" + oneLine(status));
    }

    void send(String state) {
        if (transport == null) {
            return;
        }
        try {
            transport.send((state + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            if (failureLogged.compareAndSet(false, true)) {
                LOG.info("cannot notify systemd through " + socket + ": " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        if (transport != null) {
            transport.close();
        }
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replace('\n', ' ');
    }
}
