package lvsdirector.director.alert;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import lvsdirector.config.VirtualAddress;
import lvsdirector.config.VirtualConfig;
import lvsdirector.director.LdirectordLog;
import lvsdirector.support.InetAddrs;

/**
 * Runs {@code /bin/sh -c '<cmd> start|stop <vip>:<vport> <proto>'} when a virtual's fallback goes in or
 * out of service (fwmark virtuals: {@code :0 fwm}, as ldirectord passes them). The exit status is only
 * logged; a command that outlives the timeout is killed.
 */
public final class FallbackCommand {
    private final Duration timeout;

    public FallbackCommand(Duration timeout) {
        this.timeout = timeout;
    }

    /** The shell command line, e.g. {@code "/etc/ha.d/fb.sh" start 10.0.0.1:80 tcp}. */
    public static String commandLine(String command, VirtualConfig v, boolean start) {
        String target = v.address() instanceof VirtualAddress.HostPort hp ? InetAddrs.hostPort(hp.address(), hp.port()) : ":0";
        return command + (start ? " start " : " stop ") + target + " " + v.protocol().word();
    }

    /** Blocking; returns the exit status, or -1 when it timed out or could not run. */
    public int run(String commandLine) {
        try {
            Process p = new ProcessBuilder("/bin/sh", "-c", commandLine).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                LdirectordLog.info("system_timeout(" + timeout.toSeconds() + ", " + commandLine
                        + ") timed out, kill -TERM child");
                return -1;
            }
            int status = p.exitValue();
            if (status != 0) {
                LdirectordLog.info("system(" + commandLine + ") failed: exit status " + status);
            }
            return status;
        } catch (IOException e) {
            LdirectordLog.info("system(" + commandLine + ") failed: " + e.getMessage());
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
