/**
 * The ldap/ldaps negotiate check through the UnboundID LDAP SDK, run on the shared bounded worker pool with a
 * hard timeout that closes the connection.
 */
package lvsdirector.check.lib.ldap;
