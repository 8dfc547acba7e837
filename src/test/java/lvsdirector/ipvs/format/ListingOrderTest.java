package lvsdirector.ipvs.format;

import static lvsdirector.ipvs.format.CapturedTable.ip;
import static lvsdirector.ipvs.format.CapturedTable.tcp;
import static lvsdirector.ipvs.format.CapturedTable.udp;
import static org.assertj.core.api.Assertions.assertThat;

import lvsdirector.ipvs.Destination;
import lvsdirector.ipvs.DestinationEntry;
import lvsdirector.ipvs.ForwardingMethod;
import lvsdirector.ipvs.Protocol;
import lvsdirector.ipvs.ServiceEntry;
import lvsdirector.ipvs.ServiceKey;
import lvsdirector.ipvs.Stats;
import lvsdirector.ipvs.VirtualService;
import lvsdirector.ipvs.format.IpvsSnapshot.ServiceListing;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

class ListingOrderTest {

    static ServiceListing listing(ServiceKey key) {
        return new ServiceListing(new ServiceEntry(VirtualService.of(key, "rr"), Stats.ZERO), List.of());
    }

    static DestinationEntry dest(String address, int port) {
        return new DestinationEntry(Destination.of(ip(address), port, ForwardingMethod.MASQ, 1), 0, 0, 0, Stats.ZERO);
    }

    static List<ServiceKey> keys(List<ServiceListing> listings) {
        return listings.stream().map(l -> l.service().service().key()).toList();
    }

    @Test
    void servicesGoByFamilyThenProtocolThenAddressThenPortWithFwmarksLast() {
        List<ServiceKey> expected = List.of(tcp("10.0.0.1", 80), tcp("10.0.0.1", 443), tcp("10.0.0.2", 21),
                udp("10.0.0.1", 53), new ServiceKey.Address(Protocol.SCTP, ip("10.0.0.1"), 5000),
                tcp("2001:db8::1", 80), udp("2001:db8::1", 53),
                new ServiceKey.Fwmark(1, false), new ServiceKey.Fwmark(1, true), new ServiceKey.Fwmark(7, false));
        List<ServiceListing> shuffled = new ArrayList<>(expected.stream().map(ListingOrderTest::listing).toList());
        Collections.shuffle(shuffled, new Random(42));

        assertThat(keys(ListingOrder.sortServices(shuffled))).containsExactlyElementsOf(expected);
    }

    @Test
    void addressesDifferingInTheTopBitSortBackwardsLikeLibipvs() {
        // 0xfd00... - 0x2001... is negative as a signed 32-bit number
        List<ServiceListing> sorted = ListingOrder.sortServices(List.of(
                listing(tcp("2001:db8::1", 80)), listing(tcp("fd00::1", 80))));
        assertThat(keys(sorted)).containsExactly(tcp("fd00::1", 80), tcp("2001:db8::1", 80));

        assertThat(ListingOrder.sortDestinations(List.of(dest("1.0.0.1", 80), dest("200.0.0.1", 80))))
                .extracting(d -> d.destination().address().getHostAddress())
                .containsExactly("200.0.0.1", "1.0.0.1");
    }

    @Test
    void destinationsGoByAddressThenPort() {
        assertThat(ListingOrder.sortDestinations(List.of(dest("10.0.0.2", 80), dest("10.0.0.1", 8080),
                dest("10.0.0.1", 80)))).extracting(d -> d.destination().key().toString())
                .containsExactly("10.0.0.1:80", "10.0.0.1:8080", "10.0.0.2:80");
    }

    @Test
    void cyclicTriplesComeOutAsGlibcsMergeSortLeavesThem() {
        // 10 < 200, 200 < 1 and 1 < 10 under the wrapped difference
        assertThat(ListingOrder.sortDestinations(List.of(dest("200.0.0.1", 80), dest("10.0.0.1", 80),
                dest("1.0.0.1", 80)))).extracting(d -> d.destination().address().getHostAddress())
                .containsExactly("200.0.0.1", "1.0.0.1", "10.0.0.1");
    }

    @Test
    void nonTransitiveOrderNeverMakesTheSortFail() {
        // 0.x < 96.x < 192.x < 0.x under the wrapped difference: a cycle a library sort may reject
        List<DestinationEntry> many = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            many.add(dest((random.nextInt(3) * 96) + "." + random.nextInt(256) + "." + random.nextInt(256) + ".1",
                    random.nextInt(65536)));
        }
        List<DestinationEntry> sorted = ListingOrder.sortDestinations(many);
        assertThat(sorted).containsExactlyInAnyOrderElementsOf(many);
        assertThat(ListingOrder.sortDestinations(many)).as("deterministic").isEqualTo(sorted);
    }
}
