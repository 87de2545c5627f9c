package flags.download;

/** The one state every requested code ends in. */
public enum Status {
    OK("ok"),
    NOT_FOUND("not_found"),
    ERROR("error"),
    /** Stopped before it ended (Ctrl-C, a closed standard output), or never started: neither a success nor an error. */
    NOT_DONE("not_done");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    /** The lower-case name used in JSON, CSV and {@code -v} output. */
    public String label() {
        return label;
    }
}
