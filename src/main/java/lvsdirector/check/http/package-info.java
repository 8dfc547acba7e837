/**
 * Negotiate checks for service http, https and http_proxy. They use Vert.x's own HTTP client rather than
 * HttpClient5: the checks already run on a Vert.x context, so its client completes on that context with no
 * second I/O reactor and no hand-off, and ldirectord's LWP behaviour that matters here (at most 7 redirects,
 * a fixed Host header, one overall deadline, a capped body read, no TLS verification) is a few lines of our
 * own code on top of it, which also keeps retries, cookies and decompression out of the picture by design.
 */
package lvsdirector.check.http;
