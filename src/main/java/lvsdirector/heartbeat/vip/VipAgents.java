package lvsdirector.heartbeat.vip;

import java.util.Optional;

import lvsdirector.heartbeat.config.Resource;
import lvsdirector.heartbeat.resource.BuiltinAgents;
import lvsdirector.heartbeat.resource.ResourceAgent;
import lvsdirector.heartbeat.resource.ResourceException;

/**
 * The built-in address agents: {@code IPaddr::...}, {@code IPaddr2::...}, {@code IPv6addr::...} and bare IPv4
 * addresses (which the haresources parser already turns into IPaddr). Every other resource is left to scripts.
 * Like heartbeat's wrappers, each takes exactly one argument; a malformed one is refused when the agent is
 * created, so a bad haresources line is reported before anything runs.
 */
public final class VipAgents implements BuiltinAgents {
    private final VipHost host;
    private final Announcements announcements;

    /** Agents working on this host's kernel (rtnetlink, packet sockets). */
    public VipAgents() {
        this(new KernelVipHost(), new Announcer());
    }

    VipAgents(VipHost host, Announcements announcements) {
        this.host = host;
        this.announcements = announcements;
    }

    @Override
    public Optional<ResourceAgent> agentFor(Resource resource) throws ResourceException {
        Optional<VipKind> kind = VipKind.forScript(resource.script());
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        if (resource.arguments().size() != 1) {
            throw new ResourceException(resource.text() + ": " + kind.get().script() + " takes exactly one argument, "
                    + (kind.get() == VipKind.IPV6ADDR ? "address[/prefix[/nic]]" : "ip[/netmask[/nic[/broadcast]]]")
                    + ", got " + resource.arguments().size());
        }
        try {
            VipArguments args = VipArguments.parse(kind.get(), resource.arguments().get(0));
            return Optional.of(new VipAgent(resource.text(), args, host, announcements));
        } catch (VipException e) {
            throw new ResourceException(resource.text() + ": " + e.getMessage());
        }
    }
}
