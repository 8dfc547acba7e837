package lvsdirector.check;

/** Health of a real server as its checks see it. */
public enum Health {
    UP, DOWN
}
