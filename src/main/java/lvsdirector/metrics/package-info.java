/**
 * Observability of a running director: a Micrometer registry rendered as Prometheus text ({@link
 * lvsdirector.metrics.DirectorMetrics}), the {@code /status} JSON and the self-refreshing status page, all
 * served by a small Vert.x HTTP endpoint bound to loopback unless configured otherwise ({@link
 * lvsdirector.metrics.StatusHttpServer}, {@link lvsdirector.metrics.HttpEndpoint}). The package knows
 * nothing of the director, the checks or IPVS: it is fed plain names and numbers, and the daemon adapts.
 */
package lvsdirector.metrics;
