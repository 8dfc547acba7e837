package lvsdirector.heartbeat.vip;

import java.util.List;

import lvsdirector.heartbeat.config.Resource;
import lvsdirector.heartbeat.resource.ResourceAgent;

/**
 * Drives built-in agents on the real kernel for the integration test (run inside a UML namespace):
 * {@code VipTool SCRIPT ARGUMENT ACTION... [-- SCRIPT ARGUMENT ACTION...]}, actions {@code start}, {@code stop},
 * {@code status}, {@code await} (until the announcement has ended), {@code sleep:MILLIS} and {@code pause:FILE}
 * (prints {@code paused FILE}, then waits until FILE exists, so a test can look at the kernel meanwhile). Prints one line per
 * action when it is done: {@code <epoch millis> <script> <action> <result>}. Exits 1 on the first failed action.
 */
public final class VipTool {
    private VipTool() {}

    public static void main(String[] argv) throws Exception {
        KernelVipHost host = new KernelVipHost();
        Announcer announcer = new Announcer();
        int i = 0;
        while (i < argv.length) {
            String script = argv[i++];
            String argument = argv[i++];
            VipAgent agent = (VipAgent) new VipAgents(host, announcer)
                    .agentFor(new Resource(script + "::" + argument, script, List.of(argument))).orElseThrow();
            while (i < argv.length && !argv[i].equals("--")) {
                String action = argv[i++];
                try {
                    String result = act(agent, action);
                    System.out.println(System.currentTimeMillis() + " " + script + " " + action + " " + result);
                } catch (Exception e) {
                    System.out.println(System.currentTimeMillis() + " " + script + " " + action + " failed: " + e.getMessage());
                    System.exit(1);
                }
            }
            i++;
        }
        System.exit(0);
    }

    private static final java.time.Duration AWAIT_LIMIT = java.time.Duration.ofSeconds(45);

    private static String threadDump() {
        StringBuilder out = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, frames) -> {
            out.append('"').append(thread.getName()).append("\" ").append(thread.getState()).append('\n');
            for (StackTraceElement frame : frames) {
                out.append("    at ").append(frame).append('\n');
            }
        });
        return out.toString();
    }

    private static String act(VipAgent agent, String action) throws Exception {
        switch (action) {
            case "start" -> agent.start();
            case "stop" -> agent.stop();
            case "status" -> {
                return agent.running() ? "running" : "stopped";
            }
            case "await" -> {
                Announcements.Running run = agent.announcing().orElseThrow(() -> new IllegalStateException("not announcing"));
                long deadline = System.nanoTime() + AWAIT_LIMIT.toNanos();
                while (!run.finished()) {
                    if (System.nanoTime() - deadline > 0) {
                        // once seen in CI (never alone): say where the announcing thread is instead of a silent wait
                        throw new IllegalStateException("announcement not finished after " + AWAIT_LIMIT.toSeconds()
                                + " s, " + run.framesSent()
                                + " frames sent; threads:\n" + threadDump());
                    }
                    Thread.sleep(20);
                }
                return "sent " + run.framesSent();
            }
            default -> {
                if (action.startsWith("pause:")) {
                    java.nio.file.Path go = java.nio.file.Path.of(action.substring(6));
                    System.out.println(System.currentTimeMillis() + " paused " + go);
                    while (!java.nio.file.Files.exists(go)) {
                        Thread.sleep(20);
                    }
                    return "ok";
                }
                if (!action.startsWith("sleep:")) {
                    throw new IllegalArgumentException("unknown action " + action);
                }
                Thread.sleep(Long.parseLong(action.substring(6)));
            }
        }
        return "ok";
    }
}
