package lvsdirector.ipvs.kernel.uml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real ipvsadm (inside the UML kernel) and captures its output. */
final class Ipvsadm {
    private Ipvsadm() {}

    record Result(int status, String output) {
        /** The last non-empty output line: where ipvsadm prints its error text. */
        String lastLine() {
            String[] lines = output.strip().split("\n");
            return lines[lines.length - 1].strip();
        }
    }

    static Result run(String arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("ipvsadm");
        for (String word : arguments.trim().split("\\s+")) {
            command.add(word);
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("ipvsadm " + arguments + " hung");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
