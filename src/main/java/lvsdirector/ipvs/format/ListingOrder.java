package lvsdirector.ipvs.format;

import lvsdirector.ipvs.DestinationEntry;
import lvsdirector.ipvs.ServiceKey;
import lvsdirector.ipvs.format.IpvsSnapshot.ServiceListing;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * ipvsadm's default sort (libipvs ipvs_cmp_services / ipvs_cmp_dests). Services compare by fwmark, address
 * family, protocol, address, port; destinations by family, address, port. Marks and addresses are compared
 * by the sign of their difference taken as a signed 32-bit number, exactly like the C code, so addresses
 * that differ in the top bit sort "backwards" ({@code fd00::} before {@code 2001:db8::}). That comparison is
 * not transitive, hence the sort itself is glibc's merge sort rather than a library sort that may refuse it.
 */
public final class ListingOrder {
    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;

    private ListingOrder() {}

    public static final Comparator<ServiceListing> SERVICES = ListingOrder::compareServices;
    public static final Comparator<DestinationEntry> DESTINATIONS = ListingOrder::compareDestinations;

    public static List<ServiceListing> sortServices(List<ServiceListing> services) {
        return mergeSort(services, SERVICES);
    }

    public static List<DestinationEntry> sortDestinations(List<DestinationEntry> destinations) {
        return mergeSort(destinations, DESTINATIONS);
    }

    private static int compareServices(ServiceListing a, ServiceListing b) {
        ServiceKey ka = a.service().service().key();
        ServiceKey kb = b.service().service().key();
        int r = mark(ka) - mark(kb);
        if (r != 0) {
            return r;
        }
        r = family(ka.ipv6()) - family(kb.ipv6());
        if (r != 0) {
            return r;
        }
        r = protocol(ka) - protocol(kb);
        if (r != 0) {
            return r;
        }
        r = compareAddresses(address(ka), address(kb));
        if (r != 0) {
            return r;
        }
        return port(ka) - port(kb);
    }

    private static int compareDestinations(DestinationEntry a, DestinationEntry b) {
        InetAddress aa = a.destination().address();
        InetAddress ab = b.destination().address();
        int r = family(aa instanceof Inet6Address) - family(ab instanceof Inet6Address);
        if (r != 0) {
            return r;
        }
        r = compareAddresses(aa.getAddress(), ab.getAddress());
        if (r != 0) {
            return r;
        }
        return a.destination().port() - b.destination().port();
    }

    /** Word by word, each word as the signed 32-bit difference of the two host-order values. */
    private static int compareAddresses(byte[] a, byte[] b) {
        int r = 0;
        for (int i = 0; r == 0 && i < Math.min(a.length, b.length); i += 4) {
            r = word(a, i) - word(b, i);
        }
        return r;
    }

    private static int word(byte[] bytes, int at) {
        return ((bytes[at] & 0xff) << 24) | ((bytes[at + 1] & 0xff) << 16) | ((bytes[at + 2] & 0xff) << 8)
                | (bytes[at + 3] & 0xff);
    }

    private static int family(boolean ipv6) {
        return ipv6 ? AF_INET6 : AF_INET;
    }

    private static int mark(ServiceKey key) {
        return key instanceof ServiceKey.Fwmark f ? f.mark() : 0;
    }

    private static int protocol(ServiceKey key) {
        return key instanceof ServiceKey.Address a ? a.protocol().number() : 0;
    }

    private static byte[] address(ServiceKey key) {
        return key instanceof ServiceKey.Address a ? a.address().getAddress() : new byte[4];
    }

    private static int port(ServiceKey key) {
        return key instanceof ServiceKey.Address a ? a.port() : 0;
    }

    /** glibc's qsort for small element arrays: top-down merge sort, left element first on ties. */
    static <T> List<T> mergeSort(List<T> items, Comparator<? super T> cmp) {
        List<T> work = new ArrayList<>(items);
        sortRange(work, 0, work.size(), cmp);
        return List.copyOf(work);
    }

    private static <T> void sortRange(List<T> list, int from, int to, Comparator<? super T> cmp) {
        int n = to - from;
        if (n <= 1) {
            return;
        }
        int mid = from + n / 2;
        sortRange(list, from, mid, cmp);
        sortRange(list, mid, to, cmp);
        List<T> merged = new ArrayList<>(n);
        int i = from;
        int j = mid;
        while (i < mid && j < to) {
            merged.add(cmp.compare(list.get(i), list.get(j)) <= 0 ? list.get(i++) : list.get(j++));
        }
        while (i < mid) {
            merged.add(list.get(i++));
        }
        while (j < to) {
            merged.add(list.get(j++));
        }
        for (int k = 0; k < n; k++) {
            list.set(from + k, merged.get(k));
        }
    }
}
