package lvsdirector.check.lib;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import lvsdirector.check.CheckResult;
import lvsdirector.check.CheckSpec;
import lvsdirector.check.lib.dns.DnsProber;
import lvsdirector.check.lib.ldap.LdapProber;
import lvsdirector.check.lib.radius.RadiusProber;
import lvsdirector.check.lib.sql.JdbcProber;

/** Routes this package's specs to their probers; {@link #handles} tells the dispatcher which specs are ours. */
public final class LibraryProbers implements AutoCloseable {
    private final BlockingRunner blocking;
    private final DnsProber dns;
    private final RadiusProber radius;
    private final LdapProber ldap;
    private final JdbcProber sql;

    public LibraryProbers(Vertx vertx) {
        this.blocking = new BlockingRunner(vertx);
        this.dns = new DnsProber(vertx);
        this.radius = new RadiusProber(vertx);
        this.ldap = new LdapProber(blocking);
        this.sql = new JdbcProber(blocking);
    }

    public static boolean handles(CheckSpec spec) {
        return spec instanceof DnsCheck || spec instanceof RadiusCheck || spec instanceof LdapCheck
                || spec instanceof SqlCheck;
    }

    public Future<CheckResult> probe(CheckSpec spec) {
        if (spec instanceof DnsCheck d) {
            return dns.probe(d);
        }
        if (spec instanceof RadiusCheck r) {
            return radius.probe(r);
        }
        if (spec instanceof LdapCheck l) {
            return ldap.probe(l);
        }
        if (spec instanceof SqlCheck s) {
            return sql.probe(s);
        }
        return Future.failedFuture(new IllegalArgumentException("not a library check: " + spec));
    }

    @Override
    public void close() {
        dns.close();
        blocking.close();
    }
}
