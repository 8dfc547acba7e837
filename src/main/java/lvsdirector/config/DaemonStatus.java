package lvsdirector.config;

/** Daemon states named by emailalertstatus= (and shown as Daemon-Status in alert mails). */
public enum DaemonStatus {
    STARTING("starting"), RUNNING("running"), STOPPING("stopping"), RELOADING("reloading");

    private final String word;

    DaemonStatus(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
