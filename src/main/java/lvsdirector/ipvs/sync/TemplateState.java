package lvsdirector.ipvs.sync;

import java.util.Optional;

/** States of a persistence template ({@code IP_VS_CTPL_S_*}). */
public enum TemplateState {
    NONE(0), ASSURED(1);

    private final int code;

    TemplateState(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<TemplateState> ofName(String name) {
        for (TemplateState s : values()) {
            if (s.name().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
