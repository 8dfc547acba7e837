/**
 * Renders an IPVS table as ipvsadm 1.31 prints it with numeric addresses ({@code -L -n} and its views,
 * {@code -S -n}, {@code -L --timeout}, {@code -L -n -c}), byte for byte, from a snapshot read off any
 * backend (connections from the text of /proc/net/ip_vs_conn). Sorting follows libipvs, including its quirk
 * of comparing addresses by the sign of a wrapped 32-bit difference (which is why {@code fd00::} is listed
 * before {@code 2001:db8::}). Name-resolving views are not rendered.
 */
package lvsdirector.ipvs.format;
