package lvsdirector.cli.lvsadm.uml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One program run: its exit status and what it printed on stdout and on stderr. */
record Command(int status, String out, String err) {

    static Command run(String program, String arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(program);
        command.addAll(List.of(arguments.trim().split("\\s+")));
        return run(command);
    }

    static Command run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        // stderr is small; read stdout first, then stderr, so a chatty stdout cannot block the child
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(command + " hung");
        }
        return new Command(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }

    /** Runs and insists on exit status 0. */
    static Command must(String program, String arguments) throws IOException, InterruptedException {
        Command c = run(program, arguments);
        if (c.status != 0) {
            throw new IOException(program + " " + arguments + " failed (" + c.status + "): " + c.err + c.out);
        }
        return c;
    }
}
