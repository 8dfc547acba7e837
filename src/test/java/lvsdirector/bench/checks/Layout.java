package lvsdirector.bench.checks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks benchmark's world, derived from N alone so every process (config writer, servers, poller)
 * agrees on it. Real i belongs to virtual i/10; virtual v is 10.200.(v/250).(v%250+1):80 and checks its
 * reals by HTTP when v is even, by TCP connect when v is odd. Real i is 127.10.(i/250).(i%250+1), on
 * {@link #SAMPLE_PORT} (a listener of its own, closed to take it down) if it is in the sample, else on
 * {@link #PORT} (one wildcard listener for all: 10,000 listeners would not fit the file-descriptor limit).
 * About 5% of the HTTP reals answer slowly (below the timeout: must stay up), 1% hang (must be down).
 * The sample toggled down and up is every healthy real of 20 virtuals spread over the table.
 */
record Layout(int reals) {
    static final int REALS_PER_VIRTUAL = 10;
    static final int PORT = 28080;
    static final int SAMPLE_PORT = 28081;
    static final int SLOW_MILLIS = 400;

    enum Kind { OK, SLOW, HANG }

    Layout {
        if (reals < REALS_PER_VIRTUAL || reals % REALS_PER_VIRTUAL != 0) {
            throw new IllegalArgumentException("reals must be a positive multiple of " + REALS_PER_VIRTUAL);
        }
    }

    int virtuals() {
        return reals / REALS_PER_VIRTUAL;
    }

    static String vip(int virtual) {
        return "10.200." + virtual / 250 + "." + (virtual % 250 + 1);
    }

    static String rip(int real) {
        return "127.10." + real / 250 + "." + (real % 250 + 1);
    }

    /** CHECKS=http or CHECKS=connect makes every virtual check that way (CPU per check by type); default mixed. */
    private static final String CHECKS = System.getenv().getOrDefault("CHECKS", "mixed");

    static boolean http(int virtual) {
        return switch (CHECKS) {
            case "http" -> true;
            case "connect" -> false;
            default -> virtual % 2 == 0;
        };
    }

    static Kind kind(int real) {
        if (!http(real / REALS_PER_VIRTUAL)) {
            return Kind.OK;
        }
        if (real % 100 == 3) {
            return Kind.HANG;
        }
        return real % 20 == 7 || real % 20 == 13 ? Kind.SLOW : Kind.OK;
    }

    boolean inSample(int real) {
        int virtual = real / REALS_PER_VIRTUAL;
        int stride = sampleStride();
        return kind(real) == Kind.OK && (virtual % stride == 0 || virtual % stride == 1);
    }

    int port(int real) {
        return inSample(real) ? SAMPLE_PORT : PORT;
    }

    private int sampleStride() {
        return Math.max(2, virtuals() / 10);
    }

    /** Virtuals whose healthy reals form the sample: two neighbours (one HTTP, one connect) every stride. */
    List<Integer> sampleVirtuals() {
        int stride = sampleStride();
        List<Integer> picked = new ArrayList<>();
        for (int v = 0; v < virtuals(); v += stride) {
            picked.add(v);
            if (v + 1 < virtuals()) {
                picked.add(v + 1);
            }
        }
        return picked;
    }

    List<Integer> sampleReals() {
        List<Integer> sample = new ArrayList<>();
        for (int v : sampleVirtuals()) {
            for (int j = 0; j < REALS_PER_VIRTUAL; j++) {
                int real = v * REALS_PER_VIRTUAL + j;
                if (inSample(real)) {
                    sample.add(real);
                }
            }
        }
        return sample;
    }

    /** The same ldirectord config for ours and for Debian's ldirectord. */
    void writeConfig(Path file, Path logFile) throws IOException {
        StringBuilder cf = new StringBuilder()
                .append("checkinterval=1\nchecktimeout=1\nnegotiatetimeout=1\nfailurecount=1\nquiescent=yes\n")
                .append("logfile=\"").append(logFile).append("\"\n");
        for (int v = 0; v < virtuals(); v++) {
            cf.append("virtual=").append(vip(v)).append(":80\n");
            for (int j = 0; j < REALS_PER_VIRTUAL; j++) {
                cf.append("\treal=").append(rip(v * REALS_PER_VIRTUAL + j)).append(':')
                        .append(port(v * REALS_PER_VIRTUAL + j)).append(" masq 1\n");
            }
            cf.append("\tscheduler=wrr\n\tprotocol=tcp\n");
            if (http(v)) {
                cf.append("\tchecktype=negotiate\n\tservice=http\n\trequest=\"health\"\n\treceive=\"ok\"\n");
            } else {
                cf.append("\tchecktype=connect\n");
            }
        }
        Files.writeString(file, cf, StandardCharsets.UTF_8);
    }
}
