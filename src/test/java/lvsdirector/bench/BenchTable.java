package lvsdirector.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The benchmark table, written twice: as an ldirectord config and as ipvsadm -R input. Service i is
 * 10.100.(i/250).(i%250+1):80 (wrr); its reals are 172.16.(i/25).((i%25)*10+j+1):80 masq weight 1, j = 0..9.
 */
final class BenchTable {
    private BenchTable() {}

    static String vip(int service) {
        return "10.100." + service / 250 + "." + (service % 250 + 1) + ":80";
    }

    static String rip(int service, int real) {
        return "172.16." + service / 25 + "." + ((service % 25) * 10 + real + 1) + ":80";
    }

    static void write(Path dir, int services, int realsEach) throws IOException {
        StringBuilder config = new StringBuilder("quiescent=yes\n");
        StringBuilder restore = new StringBuilder();
        for (int i = 0; i < services; i++) {
            config.append("virtual=").append(vip(i)).append("\n\tscheduler=wrr\n");
            restore.append("-A -t ").append(vip(i)).append(" -s wrr\n");
            for (int j = 0; j < realsEach; j++) {
                config.append("\treal=").append(rip(i, j)).append(" masq 1\n");
                restore.append("-a -t ").append(vip(i)).append(" -r ").append(rip(i, j)).append(" -m -w 1\n");
            }
        }
        Files.writeString(dir.resolve("director.cf"), config, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("restore.txt"), restore, StandardCharsets.UTF_8);
    }
}
