package lvsdirector.check.lib.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import io.vertx.core.Future;
import java.security.GeneralSecurityException;
import javax.net.SocketFactory;
import lvsdirector.check.CheckResult;
import lvsdirector.check.CheckResult.FailureReason;
import lvsdirector.check.ProbeFailures;
import lvsdirector.check.lib.BlockingRunner;
import lvsdirector.check.lib.LdapCheck;
import lvsdirector.support.InetAddrs;

/** Runs {@link LdapCheck}s: connect, bind, one base-scope search, on the shared worker pool. */
public final class LdapProber {
    private final BlockingRunner runner;

    public LdapProber(BlockingRunner runner) {
        this.runner = runner;
    }

    public Future<CheckResult> probe(LdapCheck check) {
        return runner.<LDAPConnection>run(check.timeout(), publish -> {
            long start = System.nanoTime();
            int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, check.timeout().toMillis()));
            LDAPConnectionOptions options = new LDAPConnectionOptions();
            options.setConnectTimeoutMillis(millis);
            options.setResponseTimeoutMillis(millis);
            options.setAbandonOnTimeout(false);
            options.setUseSynchronousMode(true);
            try (LDAPConnection connection = new LDAPConnection(socketFactory(check), options)) {
                publish.accept(connection);
                connection.connect(InetAddrs.numeric(check.address()), check.port(), millis);
                if (check.simpleBind()) {
                    connection.bind(check.login(), check.passwd());
                }
                SearchResult result = connection.search(new SearchRequest(check.base(), SearchScope.BASE,
                        "(objectClass=*)"));
                return judge(check, result, start);
            } catch (LDAPException e) {
                return CheckResult.failed(reasonOf(e), "LDAP " + InetAddrs.hostPort(check.address(), check.port())
                        + ": " + e.getResultCode() + " " + e.getDiagnosticMessage(), ProbeFailures.since(start));
            }
        });
    }

    private static CheckResult judge(LdapCheck check, SearchResult result, long start) {
        if (result.getEntryCount() != 1) {
            return CheckResult.failed(FailureReason.MISMATCH, "LDAP search of " + check.base() + " returned "
                    + result.getEntryCount() + " entries, expected 1", ProbeFailures.since(start));
        }
        String dn = result.getSearchEntries().get(0).getDN();
        if (!check.dnMatches(dn)) {
            return CheckResult.failed(FailureReason.MISMATCH, "LDAP entry " + dn + " does not match "
                    + check.receive(), ProbeFailures.since(start));
        }
        return CheckResult.ok("LDAP entry " + dn, ProbeFailures.since(start));
    }

    private static SocketFactory socketFactory(LdapCheck check) throws GeneralSecurityException {
        // ldaps as ldirectord does it: TLS without certificate verification
        return check.ldaps() ? new SSLUtil(new TrustAllTrustManager()).createSSLSocketFactory()
                : SocketFactory.getDefault();
    }

    private static FailureReason reasonOf(LDAPException e) {
        return switch (e.getResultCode().intValue()) {
            case 85 -> FailureReason.TIMEOUT; // timeout
            case 91 -> FailureReason.REFUSED; // connect error
            case 49 -> FailureReason.BAD_RESPONSE; // invalid credentials
            case 32 -> FailureReason.MISMATCH; // no such object
            default -> FailureReason.ERROR;
        };
    }
}
