package lvsdirector.heartbeat.vip;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import lvsdirector.heartbeat.resource.ResourceAgent;
import lvsdirector.heartbeat.resource.ResourceException;
import lvsdirector.netlink.rtnl.InterfaceAddress;
import lvsdirector.netlink.rtnl.Link;
import lvsdirector.netlink.rtnl.NewAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A built-in IPaddr, IPaddr2 or IPv6addr resource. start adds the address where the real agent would put it (an
 * address already there is success, with no announcement, as the real agents skip a running resource) and then
 * announces it in the background; stop cancels a running announcement and deletes the address (absent is
 * success); running means the address is on the interface the agent would choose.
 */
final class VipAgent implements ResourceAgent {
    private static final Logger LOG = LoggerFactory.getLogger(VipAgent.class);

    private final String name;
    private final VipArguments args;
    private final VipHost host;
    private final Announcements announcements;
    private Announcements.Running announcing;

    VipAgent(String name, VipArguments args, VipHost host, Announcements announcements) {
        this.name = name;
        this.args = args;
        this.host = host;
        this.announcements = announcements;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void start() throws ResourceException {
        try {
            HostSnapshot snapshot = host.snapshot();
            VipPlacement place = place(snapshot);
            if (!snapshot.on(place.link(), args.address()).isEmpty()) {
                LOG.info("{}: {} already on {}", name, args.address().getHostAddress(), place.link().name());
                return;
            }
            NewAddress address = new NewAddress(place.link().index(), args.address(), place.prefixLength(),
                    place.broadcast(), place.label());
            host.add(address);
            LOG.info("{}: added {} to {}{}", name, address.cidr(), place.link().name(),
                    place.label().map(l -> " as " + l).orElse(""));
            announce(place.link());
        } catch (IOException e) {
            throw new ResourceException(name + " start: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void stop() throws ResourceException {
        stopAnnouncing();
        try {
            HostSnapshot snapshot = host.snapshot();
            for (InterfaceAddress held : heldAddresses(snapshot)) {
                if (host.delete(held.interfaceIndex(), held.address(), held.prefixLength())) {
                    LOG.info("{}: deleted {} from interface index {}", name, held.cidr(), held.interfaceIndex());
                }
            }
        } catch (IOException e) {
            throw new ResourceException(name + " stop: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized boolean running() throws ResourceException {
        try {
            HostSnapshot snapshot = host.snapshot();
            Optional<VipPlacement> place = tryPlace(snapshot);
            return place.isPresent() && !snapshot.on(place.get().link(), args.address()).isEmpty();
        } catch (IOException e) {
            throw new ResourceException(name + " status: " + e.getMessage(), e);
        }
    }

    /** The run announcing the address now, if any (tests). */
    synchronized Optional<Announcements.Running> announcing() {
        return Optional.ofNullable(announcing);
    }

    /**
     * Where the address is held: on the interface the agent would choose, or, when that cannot be worked out any
     * more (interface renamed, route gone), on any interface but loopback, which LVS real servers use for the VIP.
     */
    private List<InterfaceAddress> heldAddresses(HostSnapshot snapshot) {
        Optional<VipPlacement> place = tryPlace(snapshot);
        if (place.isPresent()) {
            return snapshot.on(place.get().link(), args.address());
        }
        List<InterfaceAddress> held = new ArrayList<>();
        for (InterfaceAddress a : snapshot.everywhere(args.address())) {
            boolean loopback = snapshot.links().stream().anyMatch(l -> l.index() == a.interfaceIndex() && l.loopback());
            if (!loopback) {
                held.add(a);
            }
        }
        return held;
    }

    private void announce(Link link) {
        stopAnnouncing();
        byte[] mac = link.hardwareAddress();
        if (mac.length != 6) {
            LOG.info("{}: {} has no Ethernet address, nothing to announce", name, link.name());
            return;
        }
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < args.kind().rounds(); i++) {
            if (args.address() instanceof Inet6Address v6) {
                frames.add(Frames.unsolicitedNeighborAdvertisement(mac, v6));
            } else {
                frames.add(Frames.arpRequest(mac, (Inet4Address) args.address()));
                frames.add(Frames.arpReply(mac, (Inet4Address) args.address()));
            }
        }
        announcing = announcements.start(name, () -> host.frameSender(link), frames, args.kind().spacing());
    }

    private void stopAnnouncing() {
        if (announcing != null) {
            announcing.cancel();
            announcing = null;
        }
    }

    private VipPlacement place(HostSnapshot snapshot) throws ResourceException {
        try {
            return InterfaceChooser.place(args, snapshot);
        } catch (VipException e) {
            throw new ResourceException(name + ": " + e.getMessage());
        }
    }

    private Optional<VipPlacement> tryPlace(HostSnapshot snapshot) {
        try {
            return Optional.of(InterfaceChooser.place(args, snapshot));
        } catch (VipException e) {
            return Optional.empty();
        }
    }
}
