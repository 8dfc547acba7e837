/**
 * Negotiate checks for ldirectord's small text protocols (smtp/submission, pop/pops, imap/imaps, nntp, ftp,
 * simpletcp, sip), written by hand on Vert.x sockets: one spec record per protocol, one conversation class
 * per protocol, and the shared plumbing that bounds every exchange by a single deadline and every read by a
 * byte limit, so a hanging, trickling or flooding server is a clean failure within the check's timeout.
 */
package lvsdirector.check.text;
