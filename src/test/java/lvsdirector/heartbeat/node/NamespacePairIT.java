package lvsdirector.heartbeat.node;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lvsdirector.testing.RealParts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the heartbeat ITs share: two network namespaces per test ({@link Netns}), the nodes a test starts
 * in them (ours or Debian's heartbeat), closed after the test with the tail of each node's log printed.
 * Needs root, iproute2, util-linux (unshare, nsenter) and the heartbeat package.
 */
abstract class NamespacePairIT {
    @TempDir
    Path tmp;
    Netns netns;
    final List<AutoCloseable> nodes = new ArrayList<>();

    @BeforeAll
    static void realParts() {
        RealParts.assume(RealParts.isRoot(), "root (network namespaces)");
        RealParts.assume(RealParts.executable(RealHeartbeat.BINARY), "heartbeat 3.0.6 (Debian package heartbeat)");
        RealParts.assume(RealParts.executable("/usr/bin/cl_status"), "cl_status (Debian package heartbeat)");
        RealParts.assume(RealParts.executable("/usr/bin/unshare") && RealParts.executable("/usr/bin/nsenter"), "unshare/nsenter (util-linux)");
        RealParts.assume(RealParts.executable("/usr/sbin/ip") || RealParts.executable("/sbin/ip"), "ip (iproute2)");
    }

    @BeforeEach
    void namespaces() throws Exception {
        netns = Netns.create();
    }

    @AfterEach
    void cleanUp() throws Exception {
        try {
            for (AutoCloseable node : nodes) {
                node.close();
            }
            for (AutoCloseable node : nodes) {
                String log = node instanceof JavaPeer p ? p.logText() : ((RealHeartbeat) node).logText();
                List<String> lines = log.lines().toList();
                System.out.println("---- last lines of " + node + "\n"
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - logTail()), lines.size())));
            }
            afterNodes();
        } finally {
            netns.close();
        }
    }

    /** How many log lines of each node to print after a test. */
    int logTail() {
        return 12;
    }

    /** More to print after the nodes have stopped. */
    void afterNodes() throws Exception {}
}
