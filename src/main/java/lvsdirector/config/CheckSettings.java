package lvsdirector.config;

/**
 * How the reals of one virtual are checked. Null fields are "not set in this block" (globals or
 * ldirectord's defaults apply; see {@link VirtualConfig}'s effective* methods).
 *
 * @param combinedConnects for COMBINED: the N of checktype=N (0 = always negotiate); 0 otherwise
 * @param request          request as stored by ldirectord (a "/" prepended); default "/"
 * @param receive          receive regex; default "" (empty)
 */
public record CheckSettings(CheckType checkType, int combinedConnects, ServiceType service, String checkCommand,
                            String request, String receive, String login, String passwd, String database,
                            String secret, String httpMethod, String virtualHost, Integer checkPort,
                            Integer checkInterval, Integer checkTimeout, Integer negotiateTimeout,
                            Integer checkCount, Integer failureCount) {}
