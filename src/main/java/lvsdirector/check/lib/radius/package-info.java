/**
 * The radius negotiate check: an RFC 2865 Access-Request (with an RFC 3579 Message-Authenticator) over a
 * Vert.x datagram socket, and verification of the reply's Response Authenticator.
 */
package lvsdirector.check.lib.radius;
