/** Small helpers shared by every package (address text forms, durations). Keep it tiny. */
package lvsdirector.support;
